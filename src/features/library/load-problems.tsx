import type { ManifestWarning, ParsedFile } from '../../corpus/types';

export interface LoadProblem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Files that failed, files read with caveats, and files the folder scan skipped. */
export function collectProblems(
  failures: { file: { path: string }; message: string }[],
  files: Iterable<ParsedFile>,
  skipped: ManifestWarning[],
): LoadProblem[] {
  const out: LoadProblem[] = failures.map((f) => ({
    path: f.file.path,
    message: f.message,
    severity: 'error',
  }));
  for (const f of files) {
    for (const w of f.warnings)
      out.push({ path: `${f.fileId}.txt`, message: w, severity: 'warning' });
  }
  for (const w of skipped) out.push({ path: w.path, message: w.message, severity: 'warning' });
  return out;
}

export function LoadProblems({
  problems,
  onRetry,
}: {
  problems: LoadProblem[];
  onRetry: () => void;
}) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <details
      open={errors > 0}
      className="mb-6 rounded-lg border border-amber-600/40 bg-amber-50 p-4 text-sm dark:border-amber-400/30 dark:bg-amber-950/30"
    >
      <summary className="cursor-pointer font-medium">
        {errors > 0
          ? `${errors} ${errors === 1 ? 'file' : 'files'} could not be loaded`
          : `${problems.length} ${problems.length === 1 ? 'note' : 'notes'} about files in this folder`}
        {errors > 0 && problems.length > errors && `, ${problems.length - errors} more notes`}
      </summary>
      <ul className="mt-3 space-y-1">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`} role={p.severity === 'error' ? 'alert' : undefined}>
            <span className="font-mono break-all">{p.path}</span>: {p.message}
          </li>
        ))}
      </ul>
      {errors > 0 && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded border border-current px-2 py-1"
        >
          Try the failed files again
        </button>
      )}
    </details>
  );
}
