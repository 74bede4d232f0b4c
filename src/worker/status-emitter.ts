import { phasesOf, samePhases, type EnginePhases } from './engine-phases';
import type { WorkerStatus } from './protocol';

/** Status messages to the main thread at most this often (ms), unless a phase changed. */
const STATUS_MS = 100;

/**
 * Tells the main thread the corpus engine's status (at once when a phase (`EnginePhases`,
 * engine-phases.ts) or the count of files moved, else at most every STATUS_MS) and wakes whoever
 * waits for the whole folder to have arrived. A phase change is what the main thread refreshes
 * its queries on: it goes out at once, not up to STATUS_MS later.
 * IMPORTANT: runs inside the worker.
 */
export class StatusEmitter {
  private lastEmit = 0;
  private lastPhases: EnginePhases | null = null;
  private lastFiles = -1;
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

  /** Something changed: the status goes out at once when a phase moved or when `force`d. */
  changed(force = false): void {
    if (this.loadWaiters.length && this.loaded()) for (const w of this.loadWaiters.splice(0)) w();
    const status = this.status();
    const phases = phasesOf(status);
    const moved =
      !this.lastPhases || !samePhases(phases, this.lastPhases) || status.files !== this.lastFiles;
    const now = performance.now();
    if (moved || now - this.lastEmit >= STATUS_MS || force) {
      this.lastPhases = phases;
      this.lastFiles = status.files;
      this.lastEmit = now;
      this.emit(status);
    }
  }
}
