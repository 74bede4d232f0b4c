import type { StoryKind } from '../../corpus/types';

/**
 * Articles, briefs or both; the choice lives in the URL (`?kind=main|brief`). With briefs only,
 * j/k in a story opened from the list step from brief to brief.
 */
export function KindFilter(p: {
  value: StoryKind | null;
  onChange: (k: StoryKind | null) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-ink/75 dark:text-night-ink/75">Show</span>
      <select
        value={p.value ?? ''}
        onChange={(e) => p.onChange(e.target.value === '' ? null : (e.target.value as StoryKind))}
        className="rounded-md border border-black/15 bg-transparent px-2 py-1 dark:border-white/20 dark:bg-night"
      >
        <option value="">Articles and briefs</option>
        <option value="main">Articles</option>
        <option value="brief">Briefs</option>
      </select>
    </label>
  );
}
