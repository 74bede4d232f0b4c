import type React from 'react';
import { useEffect, useState } from 'react';

/**
 * The element's distance from the top of the document, kept current when anything above it
 * changes size (progress bar, filters): a window virtualizer needs it to map scroll to rows.
 */
export function useDocumentOffset(ref: React.RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setOffset(el.getBoundingClientRect().top + window.scrollY);
    const ro = new ResizeObserver(measure);
    ro.observe(el.parentElement ?? el);
    return () => ro.disconnect();
  }, [ref]);
  return offset;
}
