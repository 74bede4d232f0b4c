import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ListenController, ListenSnapshot, NextStory } from './listen-controller';
import { getListenController } from './listen-support';
import { TITLE } from './speech-queue';

export interface Listen {
  controller: ListenController;
  /** The engine's state while this story is the one attached. */
  state: ListenSnapshot;
  /**
   * The paragraph being heard (1-based), or null. Pass it to the text as a paragraph that must
   * be rendered now: a long story renders in slices, and Listen may be ahead of them.
   */
  paragraph: number | null;
}

/** Focus was in the listen bar when "continue" opened the next story: it goes to the new bar. */
let carriedFocus = false;

/** Whether the bar of the story just opened by "continue" should take the focus (asked once). */
export function takeCarriedFocus(): boolean {
  const carried = carriedFocus;
  carriedFocus = false;
  return carried;
}

const noSubscribe = () => () => {};
const nothing = () => null;

/**
 * Listen for the story on screen: attaches it to the page's engine while mounted (unmounting,
 * as on a route change, silences it) and marks the paragraph being heard. Null where the
 * browser cannot speak.
 */
export function useListen(p: {
  storyId: string;
  paragraphs: readonly string[];
  /** Said before paragraph 1; null when the title was derived from it. */
  title: string | null;
  /** The next story in `j`'s order, for "continue"; read when the story ends. */
  nextStory: () => NextStory;
}): Listen | null {
  const controller = getListenController();
  const state = useSyncExternalStore(
    controller?.subscribe ?? noSubscribe,
    controller?.getSnapshot ?? nothing,
    nothing,
  );
  const nextStory = useRef(p.nextStory);
  useEffect(() => {
    nextStory.current = p.nextStory;
  });
  const { storyId, paragraphs, title } = p;
  useEffect(
    () =>
      controller?.attach({ id: storyId, paragraphs, title }, () => {
        carriedFocus = document.activeElement?.closest('[data-listen-bar]') != null;
        return nextStory.current();
      }),
    [controller, storyId, paragraphs, title],
  );
  const mine = state && state.storyId === storyId && state.status !== 'idle' ? state : null;
  const heard = mine && mine.status !== 'ended' ? mine.paragraph : null;
  useSpokenMark(heard);
  // A file without text has nothing to listen to.
  if (!controller || !state || paragraphs.length === 0) return null;
  return {
    controller,
    state: mine ?? { ...state, status: 'idle' },
    paragraph: heard === null || heard === TITLE ? null : heard + 1,
  };
}

/**
 * Marks what is heard (`data-listening` on `#pN`, or on the title) and keeps it in view: the page
 * scrolls only when its first lines are off screen, so a reader who looks back a little is not
 * pulled along, and without smooth motion when the reader asked for reduced motion.
 *
 * An attribute set here rather than a prop of the paragraphs: the story text renders in memoized
 * groups, and a prop would re-render a group at every paragraph heard. IMPORTANT: this runs after
 * the text has rendered the paragraph (the caller passes `paragraph` as a must-show paragraph in
 * the same render), so a paragraph beyond the rendered slices is marked too.
 */
function useSpokenMark(paragraph: number | null): void {
  useEffect(() => {
    if (paragraph === null) return;
    const el = document.getElementById(paragraph === TITLE ? 'story-title' : `p${paragraph + 1}`);
    if (!el) return;
    el.setAttribute('data-listening', '');
    keepInView(el);
    return () => el.removeAttribute('data-listening');
  }, [paragraph]);
}

/** Lines of a paragraph that must be visible before the page leaves it where it is. */
const VISIBLE_START_PX = 60;

function keepInView(el: HTMLElement): void {
  const r = el.getBoundingClientRect();
  const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
  const bar = document.querySelector('[data-listen-bar]')?.getBoundingClientRect().top;
  const bottom = Math.min(window.innerHeight, bar ?? Infinity);
  const startVisible = r.top >= header && r.top + Math.min(r.height, VISIBLE_START_PX) <= bottom;
  if (startVisible) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // `scroll-margin-top` on paragraphs keeps it clear of the sticky header.
  el.scrollIntoView({ block: 'start', behavior: reduce ? 'instant' : 'smooth' });
}
