import { windowScroll } from '@tanstack/react-virtual';

/**
 * The window virtualizer's `scrollToFn`, without a forced layout at mount. The virtualizer
 * scrolls the window to its offset when it mounts (`_willUpdate`): `scrollTo({ top: 0 })` lays
 * out the whole page there and then, inside React's commit (13 ms of a 52 ms task in a BBC cold
 * visit's trace), because a position given without `left` may need clamping; `scrollTo(0, 0)`
 * never does (Chromium skips the layout for it), so the page's layout waits for its frame.
 */
export const scrollWindowTo: typeof windowScroll = (offset, options, instance) => {
  if (offset + (options.adjustments ?? 0) === 0 && options.behavior !== 'smooth')
    window.scrollTo(0, 0);
  else windowScroll(offset, options, instance);
};
