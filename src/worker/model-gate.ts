import type { Tagger } from '../corpus/entities/model/tagger';

/**
 * The corpus engine's entity model: analysis waits for it (search does not). It is asked for
 * once there is something to analyse, and kept once it has arrived.
 * IMPORTANT: runs inside the worker.
 */
export class ModelGate {
  tagger: Tagger | null = null;
  private asked = false;

  constructor(
    private readonly load: () => Promise<Tagger>,
    private readonly arrived: () => void,
  ) {}

  /** The model has arrived: background analysis can start. */
  set(tagger: Tagger): void {
    if (this.tagger === tagger) return;
    this.tagger = tagger;
    this.arrived();
  }

  /** Asks for the model once (a failure lets a later call retry). */
  ask(): void {
    if (this.tagger || this.asked) return;
    this.asked = true;
    this.load().then(
      (t) => this.set(t),
      () => (this.asked = false),
    );
  }
}
