import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { placeBelowOrAbove, useFollowViewport } from '../../lib/follow-viewport';
import { Link } from '../../lib/router';
import { paths } from '../../config/paths';
import { useArchiveEntityPages, useArchiveMode } from '../../data/archive-api';
import { useMediaQuery } from '../../lib/use-media-query';
import { CARD_STORIES, type EntitySummary } from '../../worker/protocol';
import { TYPE_LABEL } from './entity-style';
import { TypeSwatch } from './type-swatch';

export interface EntityCardProps {
  entity: EntitySummary;
  anchor: HTMLElement;
  /** 1-based position of the anchored mention among this entity's mentions in the story. */
  position: number;
  total: number;
  /** Focus goes back here on close, instead of the anchor (the card was opened from a list). */
  returnTo?: HTMLElement;
  currentStoryId: string;
  titleOf: (storyId: string) => string;
  onMove: (delta: -1 | 1) => void;
  onClose: () => void;
}

/** The story's entity summaries carry this many (the opened story may be one of them). */
const OTHER_STORIES = CARD_STORIES - 1;
/** Below Tailwind's `sm`: no room beside the text, so the card is a sheet at the bottom. */
const NARROW = '(max-width: 639.98px)';
/** The sticky header's height (h-14), which a name scrolled into view must clear. */
const HEADER_PX = 56;

/**
 * The card a mention opens: who or what it is, its other names, the previous/next mention in this
 * story and the other stories naming it. Non-modal: Esc or a click elsewhere closes it, and focus
 * goes back to the mention (or to the "In this story" name it was opened from). Beside the name on wide screens; on phones a sheet along the bottom,
 * the page scrolled so the name stays in sight above it (a card floating over the text hid it).
 */
export function EntityCard(p: EntityCardProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const { entity, anchor, onClose } = p;
  const back = p.returnTo ?? anchor;
  const narrow = useMediaQuery(NARROW);
  const archive = useArchiveMode();
  // An archive built with entity groups has entity pages (the stories, not the sentences).
  const entityPages = useArchiveEntityPages();

  // On phones the card is a sheet: the page is scrolled once so the name stays above it.
  useLayoutEffect(() => {
    if (!narrow) return;
    const sheet = ref.current?.offsetHeight ?? 0;
    const r = anchor.getBoundingClientRect();
    const bottom = window.innerHeight - sheet - 12;
    if (r.bottom > bottom || r.top < HEADER_PX)
      window.scrollBy({ top: r.bottom > bottom ? r.bottom - bottom : r.top - HEADER_PX - 12 });
  }, [anchor, narrow]);
  const place = useCallback(() => {
    // The card's own size, as its classes set it (w-[24rem], at most the viewport less 1rem):
    // one place for the width, and placed by what is drawn.
    const width = ref.current?.offsetWidth ?? Math.min(384, window.innerWidth - 16);
    const height = ref.current?.offsetHeight ?? 280;
    setPos(placeBelowOrAbove(anchor.getBoundingClientRect(), width, height, 8));
  }, [anchor]);
  useFollowViewport(narrow ? null : place, ref);

  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
        back.focus();
      }
    };
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [anchor, back, onClose]);

  const others = entity.stories.filter((s) => s.storyId !== p.currentStoryId);
  const btn =
    'min-h-7 rounded border border-black/15 px-2 py-0.5 text-xs whitespace-nowrap hover:bg-black/5 disabled:opacity-40 dark:border-white/20 dark:hover:bg-white/10';
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`${entity.name}, ${TYPE_LABEL[entity.type].one}`}
      tabIndex={-1}
      data-sheet={narrow ? '' : undefined}
      style={narrow ? undefined : { top: pos?.top ?? -9999, left: pos?.left ?? 0 }}
      className={`fixed z-40 border-black/10 bg-white font-sans text-sm outline-none dark:border-white/15 dark:bg-neutral-900 ${
        narrow
          ? 'inset-x-0 bottom-0 max-h-[65dvh] overflow-y-auto rounded-t-2xl border-t px-4 pt-2 pb-[max(1rem,env(safe-area-inset-bottom))] shadow-[0_-8px_30px_rgba(0,0,0,0.18)]'
          : 'w-[24rem] max-w-[calc(100vw-1rem)] rounded-xl border p-4 shadow-xl'
      }`}
    >
      {narrow && (
        <div
          aria-hidden
          className="mx-auto mb-3 h-1 w-10 rounded-full bg-black/20 dark:bg-white/25"
        />
      )}
      <div className="flex items-start gap-2">
        <TypeSwatch type={entity.type} className="mt-0.5" />
        <div className="min-w-0">
          <h2 className="text-base font-semibold">{entity.name}</h2>
          <p className="text-xs text-ink/75 first-letter:uppercase dark:text-night-ink/75">
            {TYPE_LABEL[entity.type].one} · {entity.storyCount}{' '}
            {entity.storyCount === 1 ? 'story' : 'stories'}
          </p>
        </div>
        <button
          type="button"
          onClick={() => (onClose(), back.focus())}
          className="-mt-1 -mr-1 ml-auto flex h-8 w-8 items-center justify-center rounded-md text-lg leading-none hover:bg-black/5 dark:hover:bg-white/10"
          aria-label="Close"
        >
          ×
        </button>
      </div>
      {entity.aliases.length > 0 && (
        <p className="mt-2 text-xs">
          <span className="text-ink/75 dark:text-night-ink/75">Also: </span>
          {entity.aliases.slice(0, 6).join(' · ')}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="button" className={btn} onClick={() => p.onMove(-1)} disabled={p.total < 2}>
          ← Previous mention
        </button>
        <span className="text-xs whitespace-nowrap tabular-nums" aria-live="polite">
          {p.position} of {p.total} here
        </span>
        <button type="button" className={btn} onClick={() => p.onMove(1)} disabled={p.total < 2}>
          Next mention →
        </button>
      </div>
      {others.length > 0 && (
        <div className="mt-3">
          <h3 className="text-xs font-semibold tracking-wide text-ink/75 uppercase dark:text-night-ink/75">
            Other stories
          </h3>
          <ul className="mt-1 space-y-1">
            {others.slice(0, OTHER_STORIES).map((s) => (
              <li key={s.storyId} className="flex gap-2">
                <Link
                  className="min-w-0 flex-1 truncate underline-offset-2 hover:underline"
                  to={paths.story.getHref(s.storyId)}
                >
                  {p.titleOf(s.storyId)}
                </Link>
                <span
                  className="shrink-0 text-xs text-ink/75 tabular-nums dark:text-night-ink/75"
                  title="mentions"
                >
                  ×{s.count}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {archive && (
        <p className="mt-3 text-xs text-ink/75 dark:text-night-ink/75">
          Named in {entity.storyCount.toLocaleString()}{' '}
          {entity.storyCount === 1 ? 'story' : 'stories'} of the archive.
          {!entityPages && ' Its other stories and entity pages are not available in this archive.'}
        </p>
      )}
      {(!archive || entityPages) && (
        <Link
          className="mt-3 inline-block font-medium text-accent underline dark:text-accent-dark"
          to={paths.entity.getHref(entity.id)}
        >
          {archive ? `The stories naming ${entity.name} →` : `Everything about ${entity.name} →`}
        </Link>
      )}
    </div>
  );
}
