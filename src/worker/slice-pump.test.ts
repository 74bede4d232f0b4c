import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlicePump } from './slice-pump';

describe('SlicePump', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs slices until none is left, yielding to the event loop between them', () => {
    const events: string[] = [];
    let left = 3;
    const pump = new SlicePump(
      () => {
        events.push(`slice ${left}`);
        return --left > 0;
      },
      { start: () => events.push('start'), stop: () => events.push('stop') },
    );
    pump.run();
    pump.run(); // already running: no second loop
    expect(events).toEqual(['start']);
    vi.advanceTimersToNextTimer();
    expect(events).toEqual(['start', 'slice 3']);
    vi.runAllTimers();
    expect(events).toEqual(['start', 'slice 3', 'slice 2', 'slice 1', 'stop']);
    left = 1;
    pump.run(); // new work after it stopped: runs again
    vi.runAllTimers();
    expect(events.slice(5)).toEqual(['start', 'slice 1', 'stop']);
  });

  it('gives each slice a budget ahead of now', () => {
    const untils: number[] = [];
    const pump = new SlicePump((until) => {
      untils.push(until - performance.now());
      return false;
    });
    pump.run();
    vi.runAllTimers();
    expect(untils).toHaveLength(1);
    expect(untils[0]).toBeGreaterThan(0);
  });

  it('parks its slices while foreground work holds the gate, and goes on when it ends', async () => {
    const { holdBackground, foreground } = await import('./foreground');
    let slices = 0;
    const pump = new SlicePump(() => ++slices < 3, undefined, foreground);
    const release = holdBackground();
    pump.run();
    vi.runAllTimers();
    expect(slices).toBe(0);
    release();
    release(); // a second release does not free another holder's hold
    await Promise.resolve();
    vi.runAllTimers();
    expect(slices).toBe(3);
    const first = holdBackground();
    const second = holdBackground();
    first();
    first();
    expect(foreground.held()).toBe(true);
    second();
    expect(foreground.held()).toBe(false);
  });
});
