import { Link } from '../../lib/router';
import type { StorageProblem } from '../../data/notebook/storage-problem';
import { paths } from '../../config/paths';

/** Storage trouble, said plainly, with what to do: try again, or export from the notebook. */
export function StorageBanner(p: {
  problem: StorageProblem;
  unsaved: number;
  onRetry: () => void;
  /** False on the notebook page itself (its export buttons are right there). */
  linkToNotebook?: boolean;
}) {
  const canRetry = p.problem.kind === 'quota' || p.problem.kind === 'write-failed';
  return (
    <div
      role="alert"
      className="rounded-md border border-amber-600/50 bg-amber-50 p-3 font-sans text-sm text-ink dark:border-amber-400/40 dark:bg-amber-950/40 dark:text-night-ink"
    >
      <p>
        {p.problem.message}
        {p.unsaved > 0 && (
          <>
            {' '}
            ({p.unsaved} {p.unsaved === 1 ? 'change is' : 'changes are'} not saved yet.)
          </>
        )}
      </p>
      <p className="mt-2 flex flex-wrap gap-3">
        {canRetry && (
          <button type="button" className="underline" onClick={p.onRetry}>
            Try saving again
          </button>
        )}
        {p.linkToNotebook !== false && (
          <Link className="underline" to={paths.notebook.getHref()}>
            Export the notebook
          </Link>
        )}
      </p>
    </div>
  );
}
