import type { Tagger } from '../corpus/entities/model/tagger';
import { analyzeStory } from '../corpus/entities/recognize';
import type { StoryEntities } from '../corpus/entities/types';
import type { Story } from '../corpus/types';
import type { AnalysisStore } from './analysis-store';
import { ModelGate } from './model-gate';

/**
 * The stories waiting for entity analysis in the background, the entity model they wait for
 * (search does not) and how long the folder's analysis took. The corpus engine runs a slice of
 * it after each slice of indexing (`step`); the opened story goes ahead of it (`analyzeNow`).
 * IMPORTANT: runs inside the worker.
 */
export class AnalysisQueue {
  private queue: Story[] = [];
  private started = 0;
  /** Ms from the first story queued to the folder analysed (null until then). */
  ms: number | null = null;
  private readonly model: ModelGate;

  constructor(
    private readonly store: AnalysisStore,
    loadTagger: () => Promise<Tagger>,
    modelArrived: () => void,
  ) {
    this.model = new ModelGate(loadTagger, modelArrived);
  }

  get length(): number {
    return this.queue.length;
  }

  /** Work left that can be done now (without the model, analysis waits for it). */
  get busy(): boolean {
    return this.model.tagger !== null && this.queue.length > 0;
  }

  push(stories: Story[]): void {
    this.queue.push(...stories);
  }

  /** The model has arrived: background analysis can start. */
  setTagger(tagger: Tagger): void {
    this.model.set(tagger);
  }

  /** Starts the clock at the first story queued. */
  markStart(): void {
    if (this.queue.length && !this.started) this.started = performance.now();
  }

  /** Stops it once the whole folder is analysed (`done`: nothing waits anywhere). */
  markDone(done: boolean): void {
    if (done && this.started && this.ms === null)
      this.ms = Math.round(performance.now() - this.started);
  }

  /**
   * Analyses queued stories until `until` (performance.now()). The model is asked for only once
   * the folder is indexed (`indexed`): its decoding (~0.2 s) would hold searches up. A story no
   * longer `current` (its file changed since) is skipped.
   */
  step(until: number, indexed: boolean, current: (story: Story) => boolean): void {
    if (this.queue.length && indexed) this.model.ask();
    while (this.model.tagger && this.queue.length && performance.now() < until) {
      const story = this.queue.shift()!;
      if (current(story)) this.analyzeNow(story);
    }
  }

  /**
   * Analyses one story now (the opened one), ahead of the background queue. Needs the model:
   * callers await it first (see corpus.worker.ts).
   */
  analyzeNow(story: Story): StoryEntities {
    const known = this.store.get(story.id);
    if (known) return known;
    if (!this.model.tagger) throw new Error('The entity model is not loaded yet');
    const a = analyzeStory(story, this.model.tagger);
    this.store.record(a);
    return a;
  }
}
