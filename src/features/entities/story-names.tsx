import { useCallback, useId, useMemo, useState } from 'react';
import { KeysHint } from '../../components/ui/keys-hint';
import type { RovingMove } from '../../lib/roving';
import { useRovingTabStop } from '../../lib/use-roving-tab-stop';
import type { EntitySummary } from '../../worker/protocol';
import { MARK_CLASS, TYPE_LABEL } from './entity-style';

/** Names shown before "more": a glance, not the whole cast of a long BBC story. */
const FIRST = 8;
const ITEM = '[data-story-names] button[data-story-name]';
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
 */
export function StoryNames(p: {
  names: StoryNameItem[];
  onOpen: (entityId: string, from: HTMLElement) => void;
}) {
  const headingId = useId();
  const [all, setAll] = useState(false);
  const shown = useMemo(() => (all ? p.names : p.names.slice(0, FIRST)), [all, p.names]);
  const items = useCallback(() => Array.from(document.querySelectorAll<HTMLElement>(ITEM)), []);
  const roving = useRovingTabStop({ items, selector: ITEM, keys: KEYS, version: shown });
  if (p.names.length === 0) return null;
  return (
    <div data-story-names className="pt-1 font-sans text-sm">
      <h2
        id={headingId}
        className="text-xs font-semibold tracking-wide text-ink/75 uppercase dark:text-night-ink/75"
      >
        In this story
      </h2>
      <ul
        aria-labelledby={headingId}
        className="mt-1 flex flex-wrap items-center gap-1.5"
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        {shown.map(({ entity, count }) => (
          <li key={entity.id} className="flex">
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
              className="flex items-center gap-1 rounded-md py-0.5 pr-1.5 pl-0.5 hover:bg-black/5 dark:hover:bg-white/10"
            >
              <span className={`rounded-[3px] px-1 ${MARK_CLASS[entity.type]}`}>{entity.name}</span>{' '}
              <span className="text-xs text-ink/75 tabular-nums dark:text-night-ink/75">
                {count}
              </span>
            </button>
          </li>
        ))}
        {p.names.length > FIRST && (
          // Not a name: its own tab stop after the names' one.
          <li className="flex">
            <button
              type="button"
              aria-expanded={all}
              onClick={() => setAll((a) => !a)}
              className="rounded-md px-1.5 py-0.5 text-xs underline underline-offset-2 hover:bg-black/5 dark:hover:bg-white/10"
            >
              {all ? 'Fewer' : `${p.names.length - FIRST} more`}
            </button>
          </li>
        )}
      </ul>
      <KeysHint id={HINT_ID} stop="story-names">
        Names in this story: arrow keys move between them, Enter opens one, Tab leaves them.
      </KeysHint>
    </div>
  );
}
