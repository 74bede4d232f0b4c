import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { reading } from '../../data/notebook/notebook';
import { useReading } from '../../data/notebook/use-notebook';
import { isTypingTarget } from '../../lib/keyboard';
import { toast } from '../../components/ui/toast';
import type { ResumedAt } from './reading-style';

/** The end must stay in view this long to count as read (a quick j/k skim does not). */
const READ_AFTER_MS = 1500;
/** Where the reader stopped is saved this long after scrolling stops. */
const SAVE_AFTER_MS = 800;
/** The sticky header's height, plus a little: a paragraph under it is not being read. */
const HEADER_PX = 72;

/**
 * Reading state of the open story: "read" once the end has been seen (or
 * by `m`), the paragraph the reader stopped at, and the return to it when the story is opened
 * again (only on a plain open: a `#p` link, a `?q=` search or Back/Forward decide for themselves).
 */
export function useReadingTracker(o: {
  storyId: string;
  paragraphCount: number;
  /** The URL names a place (#p5, ?q=): do not resume elsewhere. */
  hasTarget: boolean;
}) {
  const { storyId, paragraphCount, hasTarget } = o;
  const record = useReading().get(storyId);
  const loaded = useSyncExternalStore(reading.subscribe, reading.isLoaded, reading.isLoaded);
  const [resumedAt, setResumedAt] = useState<ResumedAt | null>(null);
  const decided = useRef(false);
  const manual = useRef(false);
  const read = record?.read ?? false;

  // Resume once, when storage has answered.
  useEffect(() => {
    if (decided.current || !loaded) return;
    decided.current = true;
    const saved = record?.paragraph ?? 0;
    if (hasTarget || read || saved < 2 || window.scrollY > 40) return;
    // The file may have been edited since: a place past the story's end is its last paragraph,
    // and the note says so rather than leave the reader at the top without a word.
    const at = Math.min(saved, paragraphCount);
    let tries = 0;
    const go = () => {
      const el = document.getElementById(`p${at}`);
      if (el) {
        el.scrollIntoView({ block: 'start', behavior: 'instant' });
        setResumedAt({ paragraph: at, shortened: saved > paragraphCount });
      } else if (tries++ < 30) requestAnimationFrame(go);
    };
    go();
  }, [loaded, record, hasTarget, read, paragraphCount]);

  // Progress, the paragraph at the top, and the end seen.
  useEffect(() => {
    let frame = 0;
    let saveTimer = 0;
    let readTimer = 0;
    let scrolled = false;
    // Measured while the story is on screen: saving on leaving cannot measure a page that is gone.
    let at = { paragraph: 0, progress: 0 };
    const measure = () => {
      frame = 0;
      const text = document.querySelector('[data-story-text]');
      if (!text) return;
      const r = text.getBoundingClientRect();
      const p = Math.max(
        0,
        Math.min(1, r.height > 0 ? (window.innerHeight - r.top) / r.height : 1),
      );
      const top = firstBelow(text.querySelectorAll<HTMLElement>('p[data-paragraph]'), HEADER_PX);
      at = { paragraph: top ? Number(top.dataset.paragraph) : 0, progress: p };
      const last = document.getElementById(`p${paragraphCount}`);
      const endSeen = !!last && last.getBoundingClientRect().bottom <= window.innerHeight;
      // A choice made with m holds while the end is in view; reading to it again counts again.
      if (!endSeen) manual.current = false;
      if (endSeen && !readTimer && !manual.current) {
        readTimer = window.setTimeout(() => {
          if (!manual.current && !reading.getSnapshot().get(storyId)?.read) {
            reading.setRead(storyId, true);
          }
        }, READ_AFTER_MS);
      } else if (!endSeen && readTimer) {
        clearTimeout(readTimer);
        readTimer = 0;
      }
    };
    const save = () => {
      if (!scrolled || !decided.current) return;
      reading.savePosition(storyId, at.paragraph, at.progress);
    };
    const onScroll = () => {
      scrolled = true;
      if (!frame) frame = requestAnimationFrame(measure);
      clearTimeout(saveTimer);
      saveTimer = window.setTimeout(save, SAVE_AFTER_MS);
    };
    measure();
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    window.addEventListener('pagehide', save);
    return () => {
      save();
      cancelAnimationFrame(frame);
      clearTimeout(saveTimer);
      clearTimeout(readTimer);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
      window.removeEventListener('pagehide', save);
    };
  }, [storyId, paragraphCount]);

  const toggleRead = useCallback(() => {
    manual.current = true;
    const next = !reading.getSnapshot().get(storyId)?.read;
    reading.setRead(storyId, next);
    toast(next ? 'Marked as read' : 'Marked as unread');
  }, [storyId]);

  // `m` toggles read / unread. A layout effect, as the reader's j/k (use-story-keys.ts): with a
  // passive one, `m` pressed right as the next story drew still reached the last story's
  // handler, or none, since an input event can be handled before React's passive-effects task.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'm' || isTypingTarget(e)) return;
      e.preventDefault();
      toggleRead();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggleRead]);

  return {
    read,
    toggleRead,
    resumedAt,
    backToTop: () => {
      window.scrollTo({ top: 0 });
      setResumedAt(null);
    },
  };
}

/**
 * The first paragraph whose bottom is below `y` (viewport px), by binary search: paragraphs are
 * in document order, and a 20 MB file has thousands (a rect read each per scroll frame was a
 * layout per paragraph).
 */
function firstBelow(paragraphs: NodeListOf<HTMLElement>, y: number): HTMLElement | null {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found: HTMLElement | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const el = paragraphs[mid]!;
    if (el.getBoundingClientRect().bottom > y) {
      found = el;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}
