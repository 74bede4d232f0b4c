import { useQuery } from '@tanstack/react-query';
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { markOnce } from '../../lib/perf';
import { TEXT_ROVING_KEYS, type RovingMove } from '../../lib/roving';
import { useRovingTabStop } from '../../lib/use-roving-tab-stop';
import { storyNames } from '../../corpus/entities/story-names';
import type { EntityType, Mention } from '../../corpus/entities/types';
import type { Story } from '../../corpus/types';
import { storyEntitiesQuery } from '../../data/analysis-api';
import { archiveStoryEntities, useArchiveMode, useSideGroup } from '../../data/archive-api';
import type { OuterMark } from '../../components/ui/marked-text';
import type { EntitySummary } from '../../worker/protocol';
import { MARK_CLASS, TYPE_LABEL } from './entity-style';
import type { StoryNameItem } from './story-names';

export interface OpenCard {
  entity: EntitySummary;
  anchor: HTMLElement;
  position: number;
  total: number;
  /** Where focus goes back when the card closes, when not the anchor (the "In this story" list). */
  returnTo?: HTMLElement;
}

/** The story's names; the entity page's marks are outside `[data-story-text]`. */
const NAME = '[data-story-text] mark[data-entity-id]';
/** The hidden hint that every name points at (`aria-describedby`); EntityLegend renders it. */
export const NAMES_KEYS_HINT_ID = 'keys-names';

/**
 * The entity layer of the reading view: the story's mentions from the worker, per-type toggles,
 * `<mark>` attributes per paragraph, and the card opened by clicking (or Enter on) a mention.
 * The names are one tab stop (a roving tabindex): arrow keys, `[` and `]` move between them.
 */
export function useEntityLayer(story: Story, hash: string) {
  // An archive's names come from the story's side group, not from a worker (it starts none).
  const archive = useArchiveMode();
  const fromWorker = useQuery({
    ...storyEntitiesQuery(story, hash),
    enabled: !archive,
  });
  const side = useSideGroup(story.id);
  const fromSide = useMemo(
    () => (side.data ? archiveStoryEntities(side.data, story, hash) : undefined),
    [side.data, story, hash],
  );
  const q = { data: archive ? fromSide : fromWorker.data };
  const [visible, setVisible] = useState<Record<EntityType, boolean>>({
    person: true,
    place: true,
    organization: true,
  });
  // Only where the card points is state; the entity itself is read from the latest analysis, so
  // an open card fills in other stories and merged names as the folder's analysis completes.
  const [cardAt, setCard] = useState<(Omit<OpenCard, 'entity'> & { entityId: string }) | null>(
    null,
  );
  const data = q.data?.storyId === story.id ? q.data : undefined;
  useEffect(() => {
    if (data) markOnce('story-highlighted');
  }, [data]);

  const byParagraph = useMemo(() => {
    const map = new Map<number, Mention[]>();
    for (const m of data?.mentions ?? [])
      map.set(m.paragraph, [...(map.get(m.paragraph) ?? []), m]);
    return map;
  }, [data]);
  const entities = useMemo(() => new Map((data?.entities ?? []).map((e) => [e.id, e])), [data]);
  // "In this story" follows the legend: a type hidden there has no marks to open a card at.
  const names = useMemo((): StoryNameItem[] => {
    const out: StoryNameItem[] = [];
    for (const n of storyNames(data?.mentions ?? [])) {
      const entity = entities.get(n.entityId);
      if (entity && visible[n.type]) out.push({ entity, count: n.count });
    }
    return out;
  }, [data, entities, visible]);
  const counts = useMemo(() => {
    const c: Record<EntityType, number> = { person: 0, place: 0, organization: 0 };
    for (const e of entities.values()) c[e.type]++;
    return c;
  }, [entities]);

  const marksFor = useCallback(
    (paragraph: number): OuterMark[] =>
      (byParagraph.get(paragraph) ?? [])
        .filter((m) => visible[m.type])
        .map((m) => {
          const name = entities.get(m.entityId)?.name ?? m.text;
          return {
            start: m.start,
            end: m.end,
            props: {
              'data-entity': m.type,
              'data-entity-id': m.entityId,
              role: 'button',
              // IMPORTANT: a constant -1; useRovingTabStop gives the one stop its 0 in the DOM.
              tabIndex: -1,
              'aria-label': mentionLabel(m.text, m.type, name),
              'aria-describedby': NAMES_KEYS_HINT_ID,
              className: `cursor-pointer rounded-[3px] px-px ${MARK_CLASS[m.type]}`,
            },
          };
        }),
    [byParagraph, entities, visible],
  );

  const openAt = useCallback(
    (el: HTMLElement) => {
      const id = el.dataset.entityId;
      const entity = id ? entities.get(id) : undefined;
      if (!id || !entity) return;
      const all = mentionElements(id);
      setCard({ entityId: id, anchor: el, position: all.indexOf(el) + 1, total: all.length });
    },
    [entities],
  );

  /** Opens a name's card from outside the text: at its first mention, focus coming back to `from`. */
  const openEntity = useCallback((id: string, from: HTMLElement) => {
    const all = mentionElements(id);
    const el = all[0];
    if (!el) return;
    if (!onScreen(el)) el.scrollIntoView({ block: 'center' });
    setCard({ entityId: id, anchor: el, position: 1, total: all.length, returnTo: from });
  }, []);

  const onClick = useCallback(
    (e: MouseEvent<HTMLElement>) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('mark[data-entity-id]');
      if (el) openAt(el);
    },
    [openAt],
  );
  const roving = useRovingTabStop({
    items: nameElements,
    selector: NAME,
    keys: TEXT_ROVING_KEYS,
    version: marksFor,
  });
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('mark[data-entity-id]');
      if (el && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        openAt(el);
      } else roving.onKeyDown(e);
    },
    [openAt, roving],
  );
  /**
   * `[` / `]` from outside the names: to the stop if it is on screen, else to the first name on
   * screen (the reader is there, not at the top); from a name, the roving keys take over.
   */
  const focusName = useCallback(
    (m: RovingMove) => {
      const stop = roving.current();
      if (stop && onScreen(stop)) return void stop.focus();
      const seen = nameElements().find(onScreen);
      if (seen) seen.focus();
      else roving.move(m === 'prev' ? 'last' : 'first', null);
    },
    [roving],
  );
  const move = useCallback(
    (delta: -1 | 1) => {
      if (!cardAt) return;
      const all = mentionElements(cardAt.entityId);
      const i = (all.indexOf(cardAt.anchor) + delta + all.length) % all.length;
      const el = all[i];
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      setCard({ ...cardAt, anchor: el, position: i + 1, total: all.length });
    },
    [cardAt],
  );

  const cardEntity = cardAt ? entities.get(cardAt.entityId) : undefined;
  const card: OpenCard | null =
    cardAt && cardEntity
      ? {
          entity: cardEntity,
          anchor: cardAt.anchor,
          position: cardAt.position,
          total: cardAt.total,
          returnTo: cardAt.returnTo,
        }
      : null;

  return {
    ready: data !== undefined,
    counts,
    visible,
    toggle: (t: EntityType) => setVisible((v) => ({ ...v, [t]: !v[t] })),
    marksFor,
    names,
    openEntity,
    card,
    closeCard: () => setCard(null),
    move,
    focusName,
    handlers: { onClick, onKeyDown, onFocus: roving.onFocus },
  };
}

/**
 * The mention's accessible name starts with its visible text (WCAG 2.5.3, label in name: voice
 * control users say what they see), then the type, then the full name when the text is a short
 * form ("Putin, person: Vladimir Putin").
 */
export function mentionLabel(text: string, type: EntityType, name: string): string {
  const same =
    text.replace(/\s+/gu, ' ').toLowerCase() === name.replace(/\s+/gu, ' ').toLowerCase();
  return same ? `${text}, ${TYPE_LABEL[type].one}` : `${text}, ${TYPE_LABEL[type].one}: ${name}`;
}

function nameElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(NAME));
}

function onScreen(el: HTMLElement): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
}

function mentionElements(entityId: string): HTMLElement[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>(`mark[data-entity-id="${CSS.escape(entityId)}"]`),
  );
}
