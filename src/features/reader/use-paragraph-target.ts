import { useEffect, useRef } from 'react';

/**
 * The paragraph named by the URL hash (`#p5` → 5): scrolled into view once the story has
 * rendered (once per story and hash, so re-renders never yank the page), and marked.
 * Returns null when the hash names no paragraph.
 */
export function useParagraphTarget(hash: string, ready: boolean, storyId: string): number | null {
  const m = /^#p(\d{1,6})$/u.exec(hash);
  const n = m ? Number(m[1]) : null;
  const scrolledFor = useRef<string | null>(null);
  const key = `${storyId}${hash}`;
  useEffect(() => {
    if (!ready || n === null || scrolledFor.current === key) return;
    const el = document.getElementById(`p${n}`);
    if (!el) return;
    el.scrollIntoView({ block: 'start', behavior: 'instant' });
    scrolledFor.current = key;
  }, [ready, n, key]);
  return n;
}
