import { useCallback, useEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';
import { rovingIndex, type RovingMove } from './roving';

/**
 * One tab stop for many items, as the WAI-ARIA APG's composite widgets do it ("roving
 * tabindex"): Tab reaches one item (the last one used, else the first), keys move between them.
 * Items render with `tabIndex={-1}`; this hook sets 0 on the stop, directly in the DOM, so that
 * moving it costs two attribute writes instead of a render of every paragraph holding an item.
 * IMPORTANT: items must render `tabIndex={-1}` as a constant: React then never rewrites it.
 *
 * `items` lists the items in document order (a stable function); `version` changes when they
 * may have been replaced, so the stop is picked again (kept if still there).
 */
export function useRovingTabStop(opts: {
  items: () => HTMLElement[];
  selector: string;
  keys: Readonly<Record<string, RovingMove>>;
  version: unknown;
}) {
  const { items, selector, keys, version } = opts;
  const stop = useRef<HTMLElement | null>(null);

  const setStop = useCallback((el: HTMLElement | null) => {
    if (stop.current && stop.current !== el) stop.current.tabIndex = -1;
    stop.current = el;
    if (el) el.tabIndex = 0;
  }, []);

  useEffect(() => {
    const all = items();
    const kept = stop.current?.isConnected && all.includes(stop.current) ? stop.current : null;
    setStop(kept ?? all[0] ?? null);
  }, [items, setStop, version]);

  /** Moves focus (and the stop) from `from` (default: the stop) and returns the item, if any. */
  const move = useCallback(
    (m: RovingMove, from: HTMLElement | null = stop.current): HTMLElement | null => {
      const all = items();
      const el = all[rovingIndex(all.length, from ? all.indexOf(from) : -1, m)] ?? null;
      if (el) {
        setStop(el);
        el.focus();
      }
      return el;
    },
    [items, setStop],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const m = keys[e.key];
      if (!m || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      // Shift with an arrow, Home or End selects text (the notebook's keyboard selection).
      if (e.shiftKey && e.key.length > 1) return;
      const el = (e.target as Element).closest<HTMLElement>(selector);
      if (!el) return;
      e.preventDefault();
      move(m, el);
    },
    [keys, move, selector],
  );

  // Focus by click, by a script (the card gives focus back) or by Tab: that item is the stop now.
  const onFocus = useCallback(
    (e: FocusEvent<HTMLElement>) => {
      const el = (e.target as Element).closest<HTMLElement>(selector);
      if (el) setStop(el);
    },
    [selector, setStop],
  );

  return { move, onKeyDown, onFocus, current: () => stop.current };
}
