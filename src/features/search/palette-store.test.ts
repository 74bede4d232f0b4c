import { afterEach, describe, expect, it } from 'vitest';
import {
  closePalette,
  markPaletteAnswered,
  openPalette,
  whenPaletteAnswered,
} from './palette-store';

// openPalette remembers the focused element: stand-ins for Node (nothing is focused).
const g = globalThis as { document?: unknown; HTMLElement?: unknown };
g.document ??= { activeElement: null, body: {} };
g.HTMLElement ??= class {};

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

describe('the first page and a palette opened during boot', () => {
  afterEach(() => closePalette(false));

  it('does not wait when the palette is closed', async () => {
    expect(await settled(whenPaletteAnswered(10_000))).toBe(true);
  });

  it('waits for the open palette’s first answer, once per opening', async () => {
    openPalette();
    const waiting = whenPaletteAnswered(10_000);
    expect(await settled(waiting)).toBe(false);
    markPaletteAnswered();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(whenPaletteAnswered(10_000))).toBe(true); // answered already
    closePalette(false);
    openPalette();
    expect(await settled(whenPaletteAnswered(10_000))).toBe(false); // a new opening
  });

  it('does not count an answer for the next opening when the palette closed before its frame', async () => {
    openPalette();
    markPaletteAnswered();
    closePalette(false);
    openPalette();
    const waiting = whenPaletteAnswered(10_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(await settled(waiting)).toBe(false);
  });

  it('stops waiting when the palette closes, or after the time given', async () => {
    openPalette();
    const closing = whenPaletteAnswered(10_000);
    closePalette(false);
    expect(await settled(closing)).toBe(true);
    openPalette();
    const t = performance.now();
    await whenPaletteAnswered(30);
    expect(performance.now() - t).toBeGreaterThanOrEqual(25);
  });
});
