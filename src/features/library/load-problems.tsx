import type { FileNote } from '../../corpus/folder-listing';
import type { ManifestWarning } from '../../corpus/types';
import { filePathOf } from '../../corpus/library';

export interface LoadProblem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Files that failed, files read with caveats, and files the folder scan skipped. */
export function collectProblems(
  failures: { file: { path: string }; message: string }[],
  notes: readonly FileNote[],
  skipped: ManifestWarning[],
): LoadProblem[] {
  const out: LoadProblem[] = failures.map((f) => ({
    path: f.file.path,
    message: f.message,
    severity: 'error',
  }));
  for (const n of notes)
    out.push({ path: filePathOf(n.fileId), message: n.message, severity: 'warning' });
  for (const w of skipped) out.push({ path: w.path, message: w.message, severity: 'warning' });
  return out;
}

/**
 * The folder's problems as a small disclosure under the library's count ("9 notes about files"),
 * not a box above the list: notes (skipped entries, re-decoded files) matter to whoever curates
 * the folder, not to every reader. Files that could not be loaded open it at once, in amber.
 */
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
    <details open={errors > 0} className="group mt-1 text-sm">
      <summary
        className={`inline-flex cursor-pointer list-none items-center gap-1 underline decoration-dotted underline-offset-2 hover:decoration-solid [&::-webkit-details-marker]:hidden ${
          errors > 0
            ? 'font-medium text-amber-800 dark:text-amber-300'
            : 'text-ink/75 dark:text-night-ink/75'
        }`}
      >
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {errors > 0
          ? `${errors} ${errors === 1 ? 'file' : 'files'} could not be loaded`
          : `${problems.length} ${problems.length === 1 ? 'note' : 'notes'} about files in this folder`}
        {errors > 0 && problems.length > errors && `, ${problems.length - errors} more notes`}
      </summary>
      <div className="mt-2 max-h-72 overflow-y-auto rounded-lg border border-amber-600/40 bg-amber-50 p-3 dark:border-amber-400/30 dark:bg-amber-950/30">
        <ul className="space-y-1">
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
      </div>
    </details>
  );
}
