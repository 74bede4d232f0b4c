/** Background work runs in slices this long (ms), so requests are answered in between. */
export const SLICE_MS = 12;

/**
 * Runs background work in short slices on the worker's event loop: each slice gets SLICE_MS of
 * budget and returns whether there is more to do; between slices the loop answers requests (a
 * search, the opened story's entities), so none waits for more than one slice.
 * Started again by `run()` whenever new work arrives; a second `run()` while running is a no-op.
 */
export class SlicePump {
  private running = false;

  constructor(
    /** Does one slice of work until `until` (performance.now() ms); true when more is left. */
    private readonly slice: (until: number) => boolean,
    private readonly hooks: { start(): void; stop(): void } = { start() {}, stop() {} },
  ) {}

  /** Slices are running (or queued). */
  get busy(): boolean {
    return this.running;
  }

  run(): void {
    if (this.running) return;
    this.running = true;
    this.hooks.start();
    const step = () => {
      if (this.slice(performance.now() + SLICE_MS)) setTimeout(step, 0);
      else {
        this.running = false;
        this.hooks.stop();
      }
    };
    setTimeout(step, 0);
  }
}
