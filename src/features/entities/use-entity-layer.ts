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
import type { EntityType, Mention } from '../../corpus/entities/types';
import type { Story } from '../../corpus/types';
import { storyEntitiesQuery, useWorkerStatus } from '../../data/analysis-api';
import type { OuterMark } from '../../components/ui/marked-text';
import type { EntitySummary } from '../../worker/protocol';
import { MARK_CLASS, TYPE_LABEL } from './entity-style';

export interface OpenCard {
  entity: EntitySummary;
  anchor: HTMLElement;
  position: number;
  total: number;
}

/**
 * The entity layer of the reading view: the story's mentions from the worker, per-type toggles,
 * `<mark>` attributes per paragraph, and the card opened by clicking (or Enter on) a mention.
 */
export function useEntityLayer(story: Story, hash: string) {
  const status = useWorkerStatus();
  const q = useQuery(storyEntitiesQuery(story, hash, status.entitiesReady, status.epoch));
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
              tabIndex: 0,
              'aria-label': `${name}, ${TYPE_LABEL[m.type].one}`,
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

  const onClick = useCallback(
    (e: MouseEvent<HTMLElement>) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('mark[data-entity-id]');
      if (el) openAt(el);
    },
    [openAt],
  );
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('mark[data-entity-id]');
      if (el && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        openAt(el);
      }
    },
    [openAt],
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
        }
      : null;

  return {
    ready: data !== undefined,
    counts,
    visible,
    toggle: (t: EntityType) => setVisible((v) => ({ ...v, [t]: !v[t] })),
    marksFor,
    card,
    closeCard: () => setCard(null),
    move,
    handlers: { onClick, onKeyDown },
  };
}

function mentionElements(entityId: string): HTMLElement[] {
  return Array.from(
    document.querySelectorAll<HTMLElement>(`mark[data-entity-id="${CSS.escape(entityId)}"]`),
  );
}
