import { Link } from '../../lib/router';
import type { ResultItem } from './result-model';
import {
  EntityLine,
  ParagraphBadge,
  SECONDARY,
  SnippetText,
  StoryMeta,
  StoryTitle,
  SUB_RESULT,
} from './result-parts';

/** The results page's rows: plain links (Tab and ↑/↓ move between them). */

/** Splits a flat story group into one block per story (its head and its paragraphs). */
export function storyBlocks(items: ResultItem[]): ResultItem[][] {
  const out: ResultItem[][] = [];
  for (const item of items) {
    if (item.kind === 'paragraph' && out.length) out[out.length - 1]!.push(item);
    else out.push([item]);
  }
  return out;
}

const LINK =
  'block rounded-lg px-3 hover:bg-black/[0.04] focus-visible:bg-black/[0.04] dark:hover:bg-white/[0.06] dark:focus-visible:bg-white/[0.06]';

export function ResultLink({ item, onOpen }: { item: ResultItem; onOpen: () => void }) {
  switch (item.kind) {
    case 'story':
      return (
        <>
          <Link data-result-link to={item.href} onClick={onOpen} className={`${LINK} group py-2.5`}>
            <StoryMeta hit={item.hit} kicker={item.kicker} />
            <h3 className="mt-0.5">
              <StoryTitle hit={item.hit} className="text-xl font-semibold group-hover:underline" />
            </h3>
            {item.hit.snippet && (
              <p className="mt-1">
                <SnippetText snippet={item.hit.snippet} className="text-[15px]" />
              </p>
            )}
          </Link>
          {item.copies.length > 0 && (
            <p className={`-mt-1 px-3 pb-1 text-xs ${SECONDARY}`}>
              Also published as{' '}
              {item.copies.map((c, i) => (
                <span key={c.storyId}>
                  {i > 0 && ', '}
                  <Link to={c.href} onClick={onOpen} className="underline-offset-2 hover:underline">
                    {c.label}
                  </Link>
                </span>
              ))}
            </p>
          )}
        </>
      );
    case 'paragraph':
      return (
        <Link
          to={item.href}
          onClick={onOpen}
          className={`${LINK} ml-3 flex items-start gap-2 ${SUB_RESULT}`}
        >
          {/* Named by its content ("Paragraph 3 …snippet…, in …"), not by an aria-label that
              put the story's title between the badge and the snippet (WCAG 2.5.3). */}
          <ParagraphBadge n={item.snippet.paragraph} />
          <SnippetText snippet={item.snippet} lead={60} className="line-clamp-2" />
          <span className="sr-only">, in {item.storyTitle}</span>
        </Link>
      );
    case 'entity':
      return (
        <Link to={item.href} onClick={onOpen} className={`${LINK} flex py-2 text-sm`}>
          <EntityLine hit={item.hit} />
        </Link>
      );
    case 'all':
      return null;
  }
}
