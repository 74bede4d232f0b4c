import { useCallback, useId, useLayoutEffect, useRef, useState } from 'react';
import { KeysHint } from '../../components/ui/keys-hint';
import type { RovingMove } from '../../lib/roving';
import { useRovingTabStop } from '../../lib/use-roving-tab-stop';
import type { EntitySummary } from '../../worker/protocol';
import { MARK_CLASS, TYPE_LABEL } from './entity-style';

const ITEM = 'button[data-story-name]';
const KEYS: Readonly<Record<string, RovingMove>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  Home: 'first',
  End: 'last',
};
const HINT_ID = 'keys-story-names';

export interface StoryNameItem {
  entity: EntitySummary;
  /** Mentions in this story. */
  count: number;
}

/**
 * "In this story": the story's people, places and organizations, most mentioned first, each
 * tinted and underlined as its mentions are in the text (displaCy's look), with its count. Each
 * opens the name's card at its first mention. One tab stop: arrow keys move between the names.
 *
 * IMPORTANT: its height is the same before the names arrive, after, and for any number of them
 * (two rows, the rest behind "Show all"): below `lg` it sits above the text, and a block that
 * grew when the analysis came in pushed the text down under the reader (Back restored the
 * scroll position, then the list moved it by a row or two).
 */
export function StoryNames(p: {
  names: StoryNameItem[];
  /** False until the story's names are known. */
  ready: boolean;
  /** In the sidebar, nothing is below it to push: five rows, and only as tall as they are. */
  tall?: boolean;
  onOpen: (entityId: string, from: HTMLElement) => void;
}) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const list = useRef<HTMLUListElement>(null);

  // Collapsed, the list is clipped to its first two rows: is anything past them?
  useLayoutEffect(() => {
    const el = list.current;
    if (!el || all) return;
    const check = () => setOverflows(el.scrollHeight > el.clientHeight + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, [all, p.names]);

  // The arrow keys stay on the names that can be seen (all of them once expanded).
  const items = useCallback(() => {
    const el = list.current;
    if (!el) return [];
    const bottom = el.getBoundingClientRect().bottom;
    return Array.from(el.querySelectorAll<HTMLElement>(ITEM)).filter(
      (b) => b.getBoundingClientRect().top < bottom,
    );
  }, []);
  const roving = useRovingTabStop({ items, selector: ITEM, keys: KEYS, version: p.names });

  return (
    <div data-story-names className="pt-1 font-sans text-sm">
      <h2
        id={headingId}
        className="text-xs font-semibold tracking-wide text-ink/75 uppercase dark:text-night-ink/75"
      >
        In this story
      </h2>
      <div className="flex items-start gap-1.5">
        <ul
          ref={list}
          aria-labelledby={headingId}
          // Padding: room for the focus ring inside the clipped box (-mx-1 keeps the names aligned).
          className={`-mx-1 flex min-w-0 flex-1 flex-wrap gap-x-1.5 gap-y-2 p-1 ${all ? '' : p.tall ? 'max-h-40 overflow-hidden' : 'h-16 overflow-hidden'}`}
          onKeyDown={roving.onKeyDown}
          onFocus={roving.onFocus}
        >
          {p.names.map(({ entity, count }) => (
            // A long name ("US Securities and Exchange Commission") is cut with an ellipsis and
            // keeps its count in view; it was clipped mid-word, count and all, in the sidebar.
            <li key={entity.id} className="flex max-w-full min-w-0">
              <button
                type="button"
                data-story-name
                data-entity-id={entity.id}
                // IMPORTANT: a constant -1; useRovingTabStop gives the one stop its 0 in the DOM.
                tabIndex={-1}
                onClick={(e) => p.onOpen(entity.id, e.currentTarget)}
                // Starts with what the button shows ("Kim Jong-un 7"), as voice control users say it.
                aria-label={`${entity.name} ${count} ${count === 1 ? 'mention' : 'mentions'}, ${TYPE_LABEL[entity.type].one}`}
                aria-describedby={HINT_ID}
                title={entity.name}
                className="flex h-6 max-w-full min-w-0 items-center gap-1 rounded-md pr-1.5 pl-0.5 whitespace-nowrap hover:bg-black/5 dark:hover:bg-white/10"
              >
                <span
                  className={`min-w-0 truncate rounded-[3px] px-1 leading-tight ${MARK_CLASS[entity.type]}`}
                >
                  {entity.name}
                </span>{' '}
                <span className="shrink-0 text-xs text-ink/75 tabular-nums dark:text-night-ink/75">
                  {count}
                </span>
              </button>
            </li>
          ))}
          {p.ready && p.names.length === 0 && (
            <li className="flex h-6 items-center text-ink/75 dark:text-night-ink/75">
              No names to show.
            </li>
          )}
        </ul>
        {(all || overflows) && (
          <button
            type="button"
            aria-expanded={all}
            onClick={() => setAll((a) => !a)}
            className="mt-1 h-6 shrink-0 rounded-md px-1.5 text-xs whitespace-nowrap underline underline-offset-2 hover:bg-black/5 dark:hover:bg-white/10"
          >
            {all ? 'Show fewer' : `Show all ${p.names.length}`}
          </button>
        )}
      </div>
      <KeysHint id={HINT_ID} stop="story-names">
        Names in this story: arrow keys move between them, Enter opens one, Tab leaves them.
      </KeysHint>
    </div>
  );
}
