import { afterEach, describe, expect, it, vi } from 'vitest';
import { wakeOrTimeout } from './wake-or-timeout';

afterEach(() => vi.useRealTimers());

describe('wakeOrTimeout', () => {
  it('resolves when woken, and clears its timer', async () => {
    vi.useFakeTimers();
    let wake = () => {};
    let done = false;
    const p = wakeOrTimeout(1000, (w) => (wake = w)).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    wake();
    await p;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after maxMs when never woken', async () => {
    vi.useFakeTimers();
    let done = false;
    const p = wakeOrTimeout(1000, () => {}).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toBe(true);
  });

  it('takes a wake called at once', async () => {
    vi.useFakeTimers();
    await wakeOrTimeout(1000, (w) => w());
    expect(vi.getTimerCount()).toBe(0);
  });
});
