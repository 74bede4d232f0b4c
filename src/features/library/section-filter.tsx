/** Section chooser; the choice lives in the URL (?section=…) so it can be shared. */
export function SectionFilter(p: {
  sections: string[];
  value: string | null;
  onChange: (s: string | null) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-ink/75 dark:text-night-ink/75">Section</span>
      <select
        value={p.value ?? ''}
        onChange={(e) => p.onChange(e.target.value || null)}
        className="rounded-md border border-black/15 bg-transparent px-2 py-1 dark:border-white/20 dark:bg-night"
      >
        <option value="">All sections</option>
        {p.sections.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
    </label>
  );
}
