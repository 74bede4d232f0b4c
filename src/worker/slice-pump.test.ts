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
});
