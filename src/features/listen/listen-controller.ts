import { SpeechQueue, TITLE, type SpeechPosition } from './speech-queue';

export type ListenStatus = 'idle' | 'playing' | 'paused' | 'ended';

/** What the listen bar shows; a new object on every change (useSyncExternalStore). */
export interface ListenSnapshot {
  status: ListenStatus;
  /** The story being heard (attached), or null. */
  storyId: string | null;
  /** The paragraph spoken or about to be (0-based), TITLE for the headline. */
  paragraph: number;
  paragraphCount: number;
  rate: number;
  /** At the end of a story, go on to the next one (as `j` would). */
  continueOn: boolean;
  /** For the polite status region: what the last action did ("Paused", "Speed 1.5×"). */
  message: string;
}

export interface ListenStory {
  id: string;
  paragraphs: readonly string[];
  /** Spoken before paragraph 1 when heard from the top; null when it repeats the lede. */
  title: string | null;
}

/** Where "continue" goes when a story ends: a story to open, or why there is none. */
export type NextStory = { id: string; title: string; open: () => void } | { end: string };

export interface ListenEnv {
  synth: SpeechSynthesis;
  Utterance: typeof SpeechSynthesisUtterance;
  /** The page's language (`<html lang>`), for the voice. */
  lang: string;
  /** Identifies the current history entry: a hand-over to the next story is valid there only. */
  entryKey: () => string;
  settings?: { load: () => Partial<ListenSettings>; save: (s: ListenSettings) => void };
}

/** Kept per browser: the speed and the continue choice. */
export interface ListenSettings {
  rate: number;
  continueOn: boolean;
}

export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/**
 * Listen's engine over the Web Speech API: one utterance at a time (see speech-queue.ts for why
 * they are short), the position, speed and the hand-over to the next story. No React and no DOM
 * beyond speechSynthesis, so it is tested in Node with a fake synthesizer.
 *
 * Chrome's quirks it works around:
 * - A cancelled utterance still fires `end` or `error` ("interrupted"/"canceled"), sometimes
 *   after the next one has started: handlers act only for the utterance that is current.
 * - An utterance nothing references may be garbage-collected mid-speech and never fire `end`
 *   (Chromium bug 509488): the current one is kept in a field.
 * - `pause()` is ignored on Android and a paused utterance is dropped after ~15 s on desktop, so
 *   pause is a cancel, and resume speaks the interrupted sentence again.
 * - The rate of an utterance cannot change while it is spoken: a new speed restarts the sentence.
 * - Voices load asynchronously (`voiceschanged`); until then the browser's default for the page
 *   language speaks.
 */
export class ListenController {
  private snapshot: ListenSnapshot;
  private readonly listeners = new Set<() => void>();
  private queue: SpeechQueue | null = null;
  private at: SpeechPosition = { paragraph: 0, chunk: 0 };
  private utterance: SpeechSynthesisUtterance | null = null;
  private voice: SpeechSynthesisVoice | null = null;
  private nextStory: (() => NextStory) | null = null;
  /** Set when a story ends and "continue" opens the next one: that story plays when it attaches. */
  private handover: { storyId: string; entry: string; title: string } | null = null;

  constructor(private readonly env: ListenEnv) {
    const saved = env.settings?.load() ?? {};
    const rate = RATES.find((r) => r === saved.rate) ?? 1;
    this.snapshot = {
      status: 'idle',
      storyId: null,
      paragraph: 0,
      paragraphCount: 0,
      rate,
      continueOn: saved.continueOn === true,
      message: '',
    };
    this.pickVoice();
    env.synth.addEventListener?.('voiceschanged', () => this.pickVoice());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ListenSnapshot => this.snapshot;

  /**
   * The story on screen. If "continue" opened it, it starts playing from the top. Returns the
   * detach function: leaving the story (unmount, route change) silences it.
   */
  attach(story: ListenStory, nextStory: () => NextStory): () => void {
    this.silence();
    this.queue = new SpeechQueue(story.paragraphs, story.title);
    this.nextStory = nextStory;
    const h = this.handover;
    const continued = h !== null && h.storyId === story.id && h.entry === this.env.entryKey();
    if (!continued) this.handover = null;
    this.set({
      status: 'idle',
      storyId: story.id,
      paragraph: 0,
      paragraphCount: story.paragraphs.length,
      message: '',
    });
    if (h && continued) {
      this.play(null);
      // Said once more: "Playing" must not replace it before a screen reader has read it.
      this.set({ message: `Next story: ${h.title}` });
    }
    return () => {
      if (this.queue === null || this.snapshot.storyId !== story.id) return;
      this.silence();
      this.queue = null;
      this.nextStory = null;
      this.set({ status: 'idle', storyId: null });
    };
  }

  /**
   * Plays: resumes when paused, else starts at `from` (0-based paragraph), or from the top
   * (title first) when `from` is null or 0.
   */
  play(from: number | null): void {
    const q = this.queue;
    if (!q) return;
    if (this.snapshot.status === 'paused') return this.resume();
    const start = from ? (q.paragraphFrom(from, 1) ?? q.start()) : q.start();
    if (!start) return this.set({ message: 'This story has no text to read.' });
    this.at = start;
    this.set({ status: 'playing', paragraph: start.paragraph, message: 'Playing' });
    this.speak();
  }

  pause(): void {
    if (this.snapshot.status !== 'playing') return;
    this.handover = null;
    this.silence();
    this.set({ status: 'paused', message: 'Paused' });
  }

  resume(): void {
    if (this.snapshot.status !== 'paused') return;
    this.set({ status: 'playing', message: 'Playing' });
    this.speak();
  }

  stop(): void {
    this.handover = null;
    this.silence();
    this.set({ status: 'idle', message: 'Stopped listening' });
  }

  /** Next (+1) or previous (-1) paragraph; playing goes on there, paused stays paused there. */
  step(delta: 1 | -1): void {
    const q = this.queue;
    if (!q || this.snapshot.status === 'idle') return;
    this.handover = null;
    const to = q.step(this.at, delta);
    if (!to) {
      return this.set({
        message: delta > 0 ? 'This is the last paragraph.' : 'This is the first paragraph.',
      });
    }
    this.at = to;
    const playing = this.snapshot.status === 'playing';
    this.set({
      status: playing ? 'playing' : 'paused',
      paragraph: to.paragraph,
      message:
        to.paragraph === TITLE ? 'Title' : `Paragraph ${to.paragraph + 1} of ${q.paragraphCount}`,
    });
    if (playing) this.speak();
    else this.silence();
  }

  setRate(rate: number): void {
    this.set({ rate, message: `Speed ${rate}×` });
    this.save();
    // The rate of an utterance is fixed once spoken: say the sentence again at the new speed.
    if (this.snapshot.status === 'playing') this.speak();
  }

  setContinue(on: boolean): void {
    this.set({ continueOn: on });
    this.save();
  }

  /** The utterance at `this.at`, replacing whatever is being said. */
  private speak(): void {
    const text = this.queue?.text(this.at);
    if (!text) return this.advance();
    this.silence();
    const u = new this.env.Utterance(text);
    u.rate = this.snapshot.rate;
    u.lang = this.voice?.lang ?? this.env.lang;
    if (this.voice) u.voice = this.voice;
    u.onend = () => {
      if (this.utterance !== u) return;
      this.utterance = null;
      this.advance();
    };
    u.onerror = (e) => {
      if (this.utterance !== u) return;
      this.utterance = null;
      // Our own cancel of the current utterance (another tab or the OS may cancel it too).
      if (e.error === 'interrupted' || e.error === 'canceled') {
        return this.set({ status: 'paused', message: 'Paused' });
      }
      this.set({ status: 'paused', message: `The browser could not speak (${e.error}).` });
    };
    // IMPORTANT: keep the reference (see the class comment), and set it before speak(): a
    // synthesizer may fire `end` synchronously.
    this.utterance = u;
    if (this.env.synth.paused) this.env.synth.resume();
    this.env.synth.speak(u);
  }

  /** The next utterance, or the story's end: the next story if asked, else "ended". */
  private advance(): void {
    const next = this.queue?.next(this.at);
    if (next) {
      this.at = next;
      if (next.paragraph !== this.snapshot.paragraph) this.set({ paragraph: next.paragraph });
      return this.speak();
    }
    if (!this.snapshot.continueOn || !this.nextStory) {
      return this.set({ status: 'ended', message: 'Finished the story.' });
    }
    const to = this.nextStory();
    if ('end' in to) return this.set({ status: 'ended', message: `Finished. ${to.end}` });
    this.set({ message: `Next story: ${to.title}` });
    to.open();
    // The entry that open() created: the story plays when it attaches there, not elsewhere.
    this.handover = { storyId: to.id, entry: this.env.entryKey(), title: to.title };
  }

  /** Stops the current utterance without firing our handlers for it. */
  private silence(): void {
    const { synth } = this.env;
    // Ours, or left from an earlier page (Chrome speaks on across reloads).
    if (this.utterance || synth.speaking || synth.pending) synth.cancel();
    this.utterance = null;
  }

  private pickVoice(): void {
    const voices = this.env.synth.getVoices();
    const lang = this.env.lang.toLowerCase();
    const base = lang.split('-')[0]!;
    const matches = (v: SpeechSynthesisVoice, l: string) => v.lang.toLowerCase().startsWith(l);
    // The user's default voice when it speaks the page's language, else a local voice of that
    // language (network voices are the ones Chrome cuts), else any voice of it.
    this.voice =
      voices.find((v) => v.default && matches(v, base)) ??
      voices.find((v) => v.localService && matches(v, lang)) ??
      voices.find((v) => v.localService && matches(v, base)) ??
      voices.find((v) => matches(v, base)) ??
      null;
  }

  private save(): void {
    this.env.settings?.save({ rate: this.snapshot.rate, continueOn: this.snapshot.continueOn });
  }

  private set(patch: Partial<ListenSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this.listeners.forEach((l) => l());
  }
}
