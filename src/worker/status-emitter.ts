import type { WorkerStatus } from './protocol';

/** Status messages to the main thread at most this often (ms), unless a milestone changed. */
const STATUS_MS = 100;

/**
 * Tells the main thread the corpus engine's status (at once at a milestone, else at most every
 * STATUS_MS) and wakes whoever waits for the whole folder to have arrived.
 * IMPORTANT: runs inside the worker.
 */
export class StatusEmitter {
  private lastEmit = 0;
  private lastMilestones = '';
  private loadWaiters: (() => void)[] = [];

  constructor(
    private readonly emit: (status: WorkerStatus) => void,
    private readonly status: () => WorkerStatus,
    private readonly loaded: () => boolean,
  ) {}

  /** Resolves once every file of the folder has arrived. */
  whenLoaded(): Promise<void> {
    if (this.loaded()) return Promise.resolve();
    return new Promise((resolve) => this.loadWaiters.push(resolve));
  }

  /** Something changed: the status goes out at once at a milestone or when `force`d. */
  changed(force = false): void {
    if (this.loadWaiters.length && this.loaded()) for (const w of this.loadWaiters.splice(0)) w();
    const status = this.status();
    const milestones = `${status.searchReady}${status.entitiesReady}${status.relatedReady}${status.files}`;
    const now = performance.now();
    if (milestones !== this.lastMilestones || now - this.lastEmit >= STATUS_MS || force) {
      this.lastMilestones = milestones;
      this.lastEmit = now;
      this.emit(status);
    }
  }
}
