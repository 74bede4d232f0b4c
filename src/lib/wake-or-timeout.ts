/**
 * Resolves when `wait` calls the wake function it is handed, or after `maxMs`, whichever comes
 * first (the timer is cleared on waking): the one shape of every "wait for this, but not for
 * ever" of the worker and the page (a milestone, the engine settling, the first paint, the cached
 * index decided). The timer is set before `wait` runs, so a wake called at once also clears it.
 */
export function wakeOrTimeout(maxMs: number, wait: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(wake, maxMs);
    wait(wake);
  });
}
