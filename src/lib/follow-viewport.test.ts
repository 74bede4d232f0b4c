import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeBelowOrAbove } from './follow-viewport';

/** A 1000 × 600 window; the popover is 300 wide. */
function inWindow(height = 600) {
  vi.stubGlobal('window', { innerWidth: 1000, innerHeight: height });
}
afterEach(() => vi.unstubAllGlobals());

const box = (top: number, bottom = top + 20, left = 100) => ({ top, bottom, left });

describe('placeBelowOrAbove', () => {
  it('goes below its anchor when it fits there', () => {
    inWindow();
    expect(placeBelowOrAbove(box(100), 300, 200, 64)).toEqual({ top: 128, left: 100 });
  });

  it('flips above when below runs off the bottom and above clears the header', () => {
    inWindow();
    expect(placeBelowOrAbove(box(450), 300, 200, 64)).toEqual({ top: 242, left: 100 });
  });

  it('fitting on neither side, stays whole inside the window (its buttons can be reached)', () => {
    inWindow();
    // Anchor in the middle, popover 400 tall: below (338..738) and above (-108..292) both spill.
    const { top } = placeBelowOrAbove(box(310), 300, 400, 64);
    expect(top).toBeGreaterThanOrEqual(64);
    expect(top + 400).toBeLessThanOrEqual(600 - 8);
  });

  it('a popover taller than the room under the header starts under the header', () => {
    inWindow(400);
    expect(placeBelowOrAbove(box(200), 300, 500, 64).top).toBe(64);
  });

  it('is kept 8 px inside the right edge', () => {
    inWindow();
    expect(placeBelowOrAbove(box(100, 120, 900), 300, 200, 64).left).toBe(692);
  });
});
