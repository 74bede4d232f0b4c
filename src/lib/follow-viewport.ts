import { useLayoutEffect, type RefObject } from 'react';

export interface Placement {
  top: number;
  left: number;
}

/**
 * Where a fixed popover of `width` × `height` goes beside an anchor's box: below it, flipped
 * above when it would run off the bottom and there is room above `minTop` (a sticky header), and
 * kept 8 px inside the viewport's sides. When it fits on neither side it takes the roomier one and
 * is pulled back inside the viewport, over its anchor if need be: a fixed popover cannot be
 * scrolled to, so one whose buttons hang below the window's edge could never be closed.
 */
export function placeBelowOrAbove(
  r: { top: number; bottom: number; left: number },
  width: number,
  height: number,
  minTop: number,
): Placement {
  const vh = window.innerHeight;
  const left = Math.min(Math.max(8, r.left), window.innerWidth - width - 8);
  const below = r.bottom + 8;
  const above = r.top - height - 8;
  const fitsBelow = below + height <= vh - 8;
  const fitsAbove = above >= minTop;
  const side = fitsBelow || (!fitsAbove && vh - r.bottom >= r.top - minTop) ? below : above;
  // Inside [minTop, bottom edge]; a popover taller than that space starts at minTop (its own
  // max-height lets it scroll inside).
  const top = Math.max(minTop, Math.min(side, vh - height - 8));
  return { top, left };
}

/**
 * Runs `place` at once and again on every scroll and resize, while mounted: fixed popovers (the
 * entity card, the highlight editor, the selection toolbar) follow what they point at. With
 * `self`, it also runs when the popover's own size changes (a message appears inside it, the note
 * grows), so that a taller popover is moved back inside the window. Pass a stable callback
 * (useCallback) or null to stop following; it runs in a layout effect, so the first position is
 * set before the browser paints.
 */
export function useFollowViewport(
  place: (() => void) | null,
  self?: RefObject<HTMLElement | null>,
): void {
  useLayoutEffect(() => {
    if (!place) return;
    place();
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    const el = self?.current;
    const grown = el && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(place) : null;
    if (el) grown?.observe(el);
    return () => {
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
      grown?.disconnect();
    };
  }, [place, self]);
}
