import { HIGHLIGHT_COLORS, type HighlightColor } from '../../corpus/notebook/types';
import type { NotebookFilter } from '../../corpus/notebook/notebook-view';
import { COLOR_LABEL, SWATCH_CLASS } from './highlight-style';
import type { EntityOption } from './notebook-types';

const FIELD =
  'h-9 rounded-md border border-black/20 bg-paper px-2 py-1.5 text-sm text-ink dark:border-white/25 dark:bg-night dark:text-night-ink';

/** Search inside notes and quotes, and narrow by colour, story and entity. */
export function NotebookFilters(p: {
  filter: NotebookFilter;
  stories: { id: string; title: string }[];
  entities: EntityOption[];
  onChange: (f: NotebookFilter) => void;
}) {
  const { filter: f } = p;
  const toggle = (c: HighlightColor) =>
    p.onChange({
      ...f,
      colors: f.colors.includes(c) ? f.colors.filter((x) => x !== c) : [...f.colors, c],
    });
  const active = f.colors.length > 0 || f.storyId || f.entityId || f.text;
  return (
    <div
      role="search"
      aria-label="Notebook"
      className="mb-8 flex flex-wrap items-end gap-3 font-sans"
    >
      <label className="flex min-w-[14rem] flex-1 flex-col gap-1 text-xs font-medium">
        Search notes and quotes
        <input
          type="search"
          value={f.text}
          onChange={(e) => p.onChange({ ...f, text: e.target.value })}
          className={FIELD}
        />
      </label>
      <fieldset className="flex items-center gap-1">
        <legend className="mb-1 text-xs font-medium">Colour</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={f.colors.includes(c)}
            onClick={() => toggle(c)}
            className="flex h-9 items-center gap-1 rounded-md border border-black/15 px-2 text-xs aria-pressed:border-accent aria-pressed:ring-1 aria-pressed:ring-accent dark:border-white/20 dark:aria-pressed:border-accent-dark dark:aria-pressed:ring-accent-dark"
          >
            <span aria-hidden className={`h-3 w-3 rounded-full ${SWATCH_CLASS[c]}`} />
            {COLOR_LABEL[c]}
          </button>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1 text-xs font-medium">
        Story
        <select
          value={f.storyId ?? ''}
          onChange={(e) => p.onChange({ ...f, storyId: e.target.value || null })}
          className={`${FIELD} max-w-[16rem]`}
        >
          <option value="">All stories</option>
          {p.stories.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium">
        Person, place or organization
        <select
          value={f.entityId ?? ''}
          onChange={(e) => p.onChange({ ...f, entityId: e.target.value || null })}
          className={`${FIELD} max-w-[16rem]`}
        >
          <option value="">Anyone, anywhere</option>
          {p.entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      </label>
      {active && (
        <button
          type="button"
          className="pb-1.5 text-sm underline"
          onClick={() => p.onChange({ colors: [], storyId: null, entityId: null, text: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
