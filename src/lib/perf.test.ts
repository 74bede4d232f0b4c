import { describe, expect, it } from 'vitest';
import { markOnce, whenMilestone } from './perf';

describe('whenMilestone', () => {
  it('waits for the mark, resolves at once once it is there, and gives up after the limit', async () => {
    let woke = false;
    const waiting = whenMilestone('story-painted', 60_000).then(() => (woke = true));
    await Promise.resolve();
    expect(woke).toBe(false);
    markOnce('story-painted');
    await waiting;
    expect(woke).toBe(true);
    await whenMilestone('story-painted', 60_000); // already marked
    const t = performance.now();
    await whenMilestone('related-ready', 20);
    expect(performance.now() - t).toBeGreaterThanOrEqual(15);
  });
});
