/** Real progress of the folder load: files read so far out of the manifest's count. */
export function LoadingProgress({ done, total }: { done: number; total: number }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="mb-6">
      <div className="mb-1 text-sm text-ink/75 dark:text-night-ink/75">
        Loading {done.toLocaleString()} of {total.toLocaleString()} files…
      </div>
      <div
        role="progressbar"
        aria-label="Loading the folder"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-1 overflow-hidden rounded bg-black/10 dark:bg-white/10"
      >
        <div
          className="h-full bg-accent transition-[width] dark:bg-accent-dark"
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
