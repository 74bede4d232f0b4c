import { useEffect } from 'react';
import { toast } from '../components/ui/toast';
import { useEngineProgress } from '../data/analysis-api';
import { corpusWorker } from '../worker/client';

/**
 * A quiet indicator of the background work: how many stories have been analysed for people,
 * places and organizations. Disappears when everything is indexed.
 */
export function AnalysisStatus() {
  // Every status message: this is the progress indicator.
  const s = useEngineProgress((status) => status);
  useEffect(() => {
    if (corpusWorker.crashNotice) {
      toast(corpusWorker.crashNotice);
      corpusWorker.crashNotice = null;
    }
  }, [s]);
  if (s.totalFiles === 0 || s.namesComplete) return null;
  const loading = s.files < s.totalFiles;
  const label = loading
    ? `Indexing ${s.files.toLocaleString()} of ${s.totalFiles.toLocaleString()} files`
    : `Analysing ${s.analysed.toLocaleString()} of ${s.stories.toLocaleString()} stories`;
  const value = loading ? s.files / s.totalFiles : s.analysed / Math.max(1, s.stories);
  return (
    <div
      className="hidden items-center gap-2 text-xs text-ink/75 md:flex dark:text-night-ink/75"
      role="status"
    >
      <span>{label}</span>
      <progress className="h-1.5 w-20 accent-accent" max={1} value={value} aria-label={label} />
    </div>
  );
}
