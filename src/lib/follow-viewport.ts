import { useLayoutEffect } from 'react';

export interface Placement {
  top: number;
  left: number;
}

/**
 * Where a fixed popover of `width` × `height` goes beside an anchor's box: below it, flipped
 * above when it would run off the bottom and there is room above `minTop` (a sticky header), and
 * kept 8 px inside the viewport's sides.
 */
export function placeBelowOrAbove(
  r: { top: number; bottom: number; left: number },
  width: number,
  height: number,
  minTop: number,
): Placement {
  const left = Math.min(Math.max(8, r.left), window.innerWidth - width - 8);
  const below = r.bottom + 8;
  const above = r.top - height - 8;
  const top = below + height > window.innerHeight - 8 && above > minTop ? above : below;
  return { top, left };
}

/**
 * Runs `place` at once and again on every scroll and resize, while mounted: fixed popovers (the
 * entity card, the highlight editor, the selection toolbar) follow what they point at. Pass a
 * stable callback (useCallback) or null to stop following; it runs in a layout effect, so the
 * first position is set before the browser paints.
 */
export function useFollowViewport(place: (() => void) | null): void {
  useLayoutEffect(() => {
    if (!place) return;
    place();
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [place]);
}
