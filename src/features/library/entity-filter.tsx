import { useId, useState } from 'react';

export interface FilterEntity {
  id: string;
  name: string;
  type: 'person' | 'place' | 'organization';
}

const DOT: Record<FilterEntity['type'], string> = {
  person: 'bg-rose-600 dark:bg-rose-300',
  place: 'bg-emerald-700 dark:bg-emerald-300',
  organization: 'bg-sky-700 dark:bg-sky-300',
};

/**
 * Filter the library by people, places and organizations: every chosen name must appear (AND).
 * Live counts say how many of the listed stories name each suggestion. While the folder is
 * still being analysed the counts grow ("Tony Blair 146" becomes 153): they say so, on screen
 * ("counting…", counts in italics) and in each chip's name ("so far"), until they are final.
 */
export function EntityFilter(p: {
  selected: FilterEntity[];
  facets: { entity: FilterEntity; count: number }[];
  /** Names matching the typed text; without `onText` there is no text box (an archive). */
  suggestions?: (FilterEntity & { storyCount: number })[];
  text?: string;
  onText?: (t: string) => void;
  /** What the chips are, when not the live "Most named" / "With" (an archive's build counts). */
  facetsLabel?: string;
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
  pending: boolean;
  /** The counts are not final: names are still being analysed. */
  provisional: boolean;
}) {
  const listId = useId();
  const [active, setActive] = useState(0);
  const text = p.text ?? '';
  const suggestions = p.suggestions ?? [];
  const onText = p.onText;
  const open = text.trim().length > 0 && suggestions.length > 0;
  const choose = (id: string) => {
    p.onAdd(id);
    onText?.('');
    setActive(0);
  };
  const label = p.facetsLabel ?? (p.selected.length ? 'With' : 'Most named');
  return (
    <section aria-label="Filter by name" className="mb-6 font-sans text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {p.selected.map((e) => (
          <span
            key={e.id}
            className="flex items-center gap-1.5 rounded-full bg-black/[0.06] py-0.5 pr-1 pl-2.5 dark:bg-white/10"
          >
            <span aria-hidden className={`h-2 w-2 rounded-full ${DOT[e.type]}`} />
            {e.name}
            <button
              type="button"
              onClick={() => p.onRemove(e.id)}
              className="rounded-full px-1.5 hover:bg-black/10 dark:hover:bg-white/15"
              aria-label={`Remove filter ${e.name}`}
            >
              ×
            </button>
          </span>
        ))}
        {onText && (
          <div className="relative">
            <input
              type="text"
              role="combobox"
              aria-expanded={open}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={open ? `${listId}-${active}` : undefined}
              aria-label="Filter by person, place or organization"
              placeholder={p.selected.length ? 'And…' : 'Filter by person, place or organization…'}
              value={text}
              onChange={(e) => {
                onText(e.target.value);
                setActive(0);
              }}
              onKeyDown={(e) => {
                if (!open) return;
                if (e.key === 'ArrowDown')
                  setActive((a) => Math.min(suggestions.length - 1, a + 1));
                else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
                else if (e.key === 'Enter') choose(suggestions[active]!.id);
                else if (e.key === 'Escape') onText('');
                else return;
                e.preventDefault();
              }}
              className="w-72 max-w-full rounded-md border border-black/15 bg-transparent px-2.5 py-1 dark:border-white/20"
            />
            {open && (
              <ul
                id={listId}
                role="listbox"
                aria-label="Matching names"
                className="absolute z-20 mt-1 w-80 max-w-[90vw] rounded-md border border-black/10 bg-white py-1 shadow-lg dark:border-white/15 dark:bg-neutral-900"
              >
                {suggestions.map((s, i) => (
                  <li
                    key={s.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseDown={(e) => (e.preventDefault(), choose(s.id))}
                    className={`flex cursor-pointer items-center gap-2 px-3 py-1 ${i === active ? 'bg-black/[0.06] dark:bg-white/10' : ''}`}
                  >
                    <span aria-hidden className={`h-2 w-2 rounded-full ${DOT[s.type]}`} />
                    <span className="flex-1">{s.name}</span>
                    <span className="text-xs text-ink/75 dark:text-night-ink/75">
                      {s.type} · {s.storyCount} {s.storyCount === 1 ? 'story' : 'stories'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {p.pending && <span className="text-xs text-ink/75 dark:text-night-ink/75">Counting…</span>}
      </div>
      {p.facets.length > 0 && (
        <div
          className="mt-2 flex flex-wrap items-center gap-1.5"
          aria-label={`${p.facetsLabel ?? (p.selected.length ? 'Also named in these stories' : 'Most named')}${p.provisional ? ', still counting' : ''}`}
          role="group"
          data-provisional={p.provisional ? '' : undefined}
        >
          <span className="text-xs text-ink/75 dark:text-night-ink/75">
            {label}
            {p.provisional && <span className="italic"> (counting…)</span>}:
          </span>
          {p.facets.map(({ entity, count }) => (
            <button
              key={entity.id}
              type="button"
              onClick={() => p.onAdd(entity.id)}
              className="flex items-center gap-1 rounded-full border border-black/10 px-2 py-0.5 text-xs hover:bg-black/5 dark:border-white/15 dark:hover:bg-white/10"
              // Starts with what the chip shows ("US 5071"), as voice control users say it.
              aria-label={`${entity.name} ${count} ${count === 1 ? 'story' : 'stories'}${p.provisional ? ' so far' : ''}, ${entity.type}: add filter`}
            >
              <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${DOT[entity.type]}`} />
              {/* A real space: the flex gap shows one, and text read out needs one ("US 5071"). */}
              {entity.name}{' '}
              <span
                className={`tabular-nums text-ink/75 dark:text-night-ink/75 ${p.provisional ? 'italic' : ''}`}
              >
                {count}
              </span>
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
