import type { KeyboardEvent } from 'react';
import { SECONDARY } from './result-parts';

const TIPS: { example: string; text: string }[] = [
  { example: '"exact phrase"', text: 'words in this order' },
  { example: 'missile -nuclear', text: 'leave out stories with a word' },
  { example: 'person:putin', text: 'stories naming a person' },
  { example: 'place:pyongyang', text: 'stories naming a place' },
  { example: 'org:un', text: 'stories naming an organization' },
  { example: 'section:world', text: 'stories from one section' },
];

const HEADING = `px-3 pb-1.5 text-[11px] font-semibold tracking-wider uppercase ${SECONDARY}`;
const ROW =
  'flex-1 truncate rounded-md px-3 py-1.5 text-left hover:bg-black/[0.05] focus-visible:bg-black/[0.05] dark:hover:bg-white/[0.08] dark:focus-visible:bg-white/[0.08]';

/**
 * What an empty palette shows: recent searches (run or remove each; ↑/↓ move between them,
 * Delete removes one) and the query syntax as clickable examples.
 */
export function EmptyState(p: {
  recent: string[];
  onRun: (query: string) => void;
  onRemove: (query: string) => void;
  onExitTop: () => void;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-recent]')];
    const i = rows.indexOf(e.target as HTMLElement);
    if (e.key === 'ArrowDown' && i >= 0) rows[Math.min(rows.length - 1, i + 1)]?.focus();
    else if (e.key === 'ArrowUp' && i >= 0) {
      if (i === 0) p.onExitTop();
      else rows[i - 1]?.focus();
    } else if (e.key === 'Delete' && i >= 0) {
      const q = p.recent[i];
      (rows[i + 1] ?? rows[i - 1])?.focus();
      if (!rows[i + 1] && !rows[i - 1]) p.onExitTop();
      if (q !== undefined) p.onRemove(q);
    } else return;
    e.preventDefault();
  };
  return (
    <div className="grid gap-4 px-2 py-3 sm:grid-cols-[1fr_1fr]">
      <section aria-labelledby="palette-recent" onKeyDown={onKeyDown}>
        <h3 id="palette-recent" className={HEADING}>
          Recent searches
        </h3>
        {p.recent.length === 0 ? (
          <p className={`px-3 py-1.5 text-sm ${SECONDARY}`}>Your searches will appear here.</p>
        ) : (
          <ul className="text-sm">
            {p.recent.map((q) => (
              <li key={q} className="group flex items-center gap-1">
                <button type="button" data-recent className={ROW} onClick={() => p.onRun(q)}>
                  <span aria-hidden className={`mr-2 ${SECONDARY}`}>
                    ↺
                  </span>
                  {q}
                </button>
                <button
                  type="button"
                  onClick={() => p.onRemove(q)}
                  aria-label={`Remove “${q}” from recent searches`}
                  title="Remove"
                  className={`rounded-md px-2 py-1 opacity-60 group-hover:opacity-100 hover:bg-black/[0.06] focus-visible:opacity-100 dark:hover:bg-white/10 ${SECONDARY}`}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="palette-tips">
        <h3 id="palette-tips" className={HEADING}>
          Tips
        </h3>
        <ul className="text-sm">
          {TIPS.map((t) => (
            <li key={t.example}>
              <button
                type="button"
                onClick={() => p.onRun(t.example)}
                className={`${ROW} flex w-full items-baseline gap-2`}
              >
                <code className="rounded bg-black/[0.06] px-1.5 py-px font-mono text-[12px] dark:bg-white/10">
                  {t.example}
                </code>
                <span className={`truncate text-xs ${SECONDARY}`}>{t.text}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
