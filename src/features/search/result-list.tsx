import type { MouseEvent } from 'react';
import { Kbd } from './kbd';
import type { ResultGroup, ResultItem } from './result-model';
import {
  AlsoPublished,
  EntityLine,
  ParagraphBadge,
  SECONDARY,
  SnippetText,
  StoryMeta,
  StoryTitle,
  SUB_RESULT,
} from './result-parts';

/**
 * The palette's listbox: grouped options, one active (aria-selected) and highlighted. Options are
 * not focusable; focus stays in the combobox input (aria-activedescendant).
 */
export function ResultList(p: {
  id: string;
  groups: ResultGroup[];
  query: string;
  activeKey: string | null;
  optionId: (key: string) => string;
  onHover: (key: string) => void;
  onChoose: (item: ResultItem, newTab: boolean) => void;
}) {
  return (
    <div id={p.id} role="listbox" aria-label="Search results" className="px-2 pb-2">
      {p.groups.map((g) => (
        <div key={g.key} role="group" aria-labelledby={`${p.id}-${g.key}`} className="pt-2">
          <div
            id={`${p.id}-${g.key}`}
            role="presentation"
            className={`px-3 pt-1 pb-1.5 text-[11px] font-semibold tracking-wider uppercase ${SECONDARY} ${g.key === 'all' ? 'sr-only' : ''}`}
          >
            {g.label}
          </div>
          {g.items.map((item) => (
            <Option
              key={item.key}
              id={p.optionId(item.key)}
              item={item}
              query={p.query}
              active={item.key === p.activeKey}
              onHover={() => p.onHover(item.key)}
              onChoose={(e) => p.onChoose(item, e.ctrlKey || e.metaKey)}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

function Option(p: {
  id: string;
  item: ResultItem;
  query: string;
  active: boolean;
  onHover: () => void;
  onChoose: (e: MouseEvent) => void;
}) {
  const { item } = p;
  const sub = item.kind === 'paragraph';
  return (
    <div
      id={p.id}
      role="option"
      aria-selected={p.active}
      onMouseMove={p.active ? undefined : p.onHover}
      onMouseDown={(e) => e.preventDefault()}
      onClick={p.onChoose}
      className={`group relative flex cursor-pointer items-start gap-3 rounded-lg px-3 ${sub ? `ml-[1.4rem] ${SUB_RESULT}` : 'py-2.5'} ${
        p.active
          ? 'bg-accent/[0.07] ring-1 ring-accent/25 dark:bg-accent-dark/[0.12] dark:ring-accent-dark/30'
          : ''
      }`}
    >
      <OptionBody item={item} query={p.query} />
      <span
        aria-hidden
        className={`mt-0.5 shrink-0 self-center text-xs ${SECONDARY} ${p.active ? 'visible' : 'invisible'}`}
      >
        <Kbd>↵</Kbd>
      </span>
    </div>
  );
}

function OptionBody({ item, query }: { item: ResultItem; query: string }) {
  switch (item.kind) {
    case 'story':
      return (
        <>
          <DocIcon />
          <span className="flex min-w-0 flex-1 flex-col gap-0.5">
            <StoryMeta hit={item.hit} kicker={item.kicker} />
            <StoryTitle hit={item.hit} className="text-[15px] font-semibold" />
            {item.hit.snippet && (
              <SnippetText snippet={item.hit.snippet} lead={40} className="line-clamp-2" />
            )}
            <AlsoPublished copies={item.copies} />
          </span>
        </>
      );
    case 'paragraph':
      return (
        <span className="flex min-w-0 flex-1 items-start gap-2">
          <ParagraphBadge n={item.snippet.paragraph} />
          <SnippetText snippet={item.snippet} lead={30} className="line-clamp-2" />
        </span>
      );
    case 'entity':
      return <EntityLine hit={item.hit} />;
    case 'all':
      return (
        <span className="flex flex-1 items-center gap-2 text-sm font-medium text-accent dark:text-accent-dark">
          {item.total === 1 && !item.atLeast
            ? 'See the 1 result'
            : `See all ${item.atLeast ? `${item.total.toLocaleString()}+` : item.total.toLocaleString()} results`}{' '}
          for “{query.trim()}”<span aria-hidden>→</span>
        </span>
      );
  }
}

function DocIcon() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className={`mt-1 h-4 w-4 shrink-0 ${SECONDARY}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M5 2.75h6.5L15 6.25v11H5z" strokeLinejoin="round" />
      <path d="M11.5 2.75v3.5H15M7.5 10h5M7.5 13h5" strokeLinecap="round" />
    </svg>
  );
}
