import { describe, expect, it } from 'vitest';
import { ListenController, type NextStory } from './listen-controller';

/** A synthesizer that speaks nothing: it records utterances and lets the test end them. */
class FakeUtterance {
  rate = 1;
  lang = '';
  voice: { name: string } | null = null;
  onend: (() => void) | null = null;
  onerror: ((e: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

class FakeSynth {
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | null = null;
  cancelled: FakeUtterance[] = [];
  paused = false;
  voices: { name: string; lang: string; default: boolean; localService: boolean }[] = [];
  private onVoices: (() => void) | null = null;
  get speaking() {
    return this.current !== null;
  }
  get pending() {
    return false;
  }
  speak(u: FakeUtterance) {
    this.spoken.push(u);
    this.current = u;
  }
  cancel() {
    if (this.current) this.cancelled.push(this.current);
    this.current = null;
  }
  resume() {}
  getVoices() {
    return this.voices;
  }
  addEventListener(_: string, f: () => void) {
    this.onVoices = f;
  }
  loadVoices(v: FakeSynth['voices']) {
    this.voices = v;
    this.onVoices?.();
  }
  /** The current utterance finishes. */
  end() {
    const u = this.current!;
    this.current = null;
    u.onend?.();
  }
}

function setup(saved: object = {}) {
  const synth = new FakeSynth();
  let entry = 'a';
  const savedSettings: unknown[] = [];
  const c = new ListenController({
    synth: synth as unknown as SpeechSynthesis,
    Utterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    lang: 'en',
    entryKey: () => entry,
    settings: { load: () => saved, save: (s) => savedSettings.push(s) },
  });
  return { synth, c, savedSettings, go: (key: string) => (entry = key) };
}

const STORY = { id: 's1', paragraphs: ['One.', 'Two.', 'Three.'], title: 'Headline' };
const texts = (s: FakeSynth) => s.spoken.map((u) => u.text);

describe('ListenController', () => {
  it('reads the title, then each paragraph, one utterance at a time, and ends', () => {
    const { synth, c } = setup();
    c.attach(STORY, () => ({ end: 'This is the last article in the library.' }));
    c.play(0);
    expect(c.getSnapshot()).toMatchObject({ status: 'playing', paragraph: -1 });
    synth.end();
    synth.end();
    expect(c.getSnapshot().paragraph).toBe(1);
    synth.end();
    synth.end();
    expect(texts(synth)).toEqual(['Headline', 'One.', 'Two.', 'Three.']);
    expect(c.getSnapshot()).toMatchObject({ status: 'ended', message: 'Finished the story.' });
  });

  it('pauses by cancelling and resumes with the interrupted utterance; late events are ignored', () => {
    const { synth, c } = setup();
    c.attach(STORY, () => ({ end: '' }));
    c.play(1);
    const interrupted = synth.current!;
    c.pause();
    expect(synth.cancelled).toEqual([interrupted]);
    // Chrome fires `error: interrupted` for a cancelled utterance, sometimes late: no effect.
    interrupted.onerror?.({ error: 'interrupted' });
    interrupted.onend?.();
    expect(c.getSnapshot()).toMatchObject({ status: 'paused', paragraph: 1 });
    c.play(null);
    expect(texts(synth)).toEqual(['Two.', 'Two.']);
  });

  it('steps between paragraphs, restarts the utterance at a new speed and saves the speed', () => {
    const { synth, c, savedSettings } = setup({ rate: 1.5 });
    c.attach(STORY, () => ({ end: '' }));
    c.play(0);
    expect(synth.current!.rate).toBe(1.5);
    c.step(1);
    c.step(1);
    expect(c.getSnapshot()).toMatchObject({ paragraph: 1, message: 'Paragraph 2 of 3' });
    c.setRate(2);
    expect(synth.current).toMatchObject({ text: 'Two.', rate: 2 });
    expect(savedSettings.at(-1)).toEqual({ rate: 2, continueOn: false });
    c.step(-1);
    c.step(-1);
    c.step(-1);
    expect(c.getSnapshot().message).toBe('This is the first paragraph.');
    expect(texts(synth)).toEqual(['Headline', 'One.', 'Two.', 'Two.', 'One.', 'Headline']);
  });

  it('continues to the next story: opens it, and plays it when it attaches at that entry', () => {
    const { synth, c, go } = setup({ continueOn: true });
    let opened = 0;
    const next = (): NextStory => ({ id: 's2', title: 'Second', open: () => (opened++, go('b')) });
    const detach = c.attach(STORY, next);
    c.play(3); // past the end: from the top
    c.step(1);
    c.step(1);
    c.step(1);
    synth.end();
    expect(opened).toBe(1);
    expect(c.getSnapshot().message).toBe('Next story: Second');
    detach();
    c.attach({ id: 's2', paragraphs: ['Lede.'], title: 'Second' }, next);
    expect(c.getSnapshot()).toMatchObject({ status: 'playing', storyId: 's2' });
    expect(texts(synth).at(-1)).toBe('Second');

    // Reached another way (a later visit at another entry), a story does not start by itself.
    go('c');
    c.attach({ id: 's2', paragraphs: ['Lede.'], title: 'Second' }, next);
    expect(c.getSnapshot().status).toBe('idle');
  });

  it('is silenced when its story is left, and an error stops it with a message', () => {
    const { synth, c } = setup();
    const detach = c.attach(STORY, () => ({ end: '' }));
    c.play(0);
    detach();
    expect(synth.current).toBeNull();
    expect(c.getSnapshot()).toMatchObject({ status: 'idle', storyId: null });
    c.attach(STORY, () => ({ end: '' }));
    c.play(0);
    synth.current!.onerror?.({ error: 'synthesis-failed' });
    expect(c.getSnapshot()).toMatchObject({
      status: 'paused',
      message: 'The browser could not speak (synthesis-failed).',
    });
  });

  it('picks a voice of the page language once the voices have loaded', () => {
    const { synth, c } = setup();
    c.attach(STORY, () => ({ end: '' }));
    c.play(1);
    expect(synth.current!.voice).toBeNull();
    synth.loadVoices([
      { name: 'Deutsch', lang: 'de-DE', default: true, localService: true },
      { name: 'English', lang: 'en-GB', default: false, localService: true },
    ]);
    synth.end();
    expect(synth.current).toMatchObject({ text: 'Three.', voice: { name: 'English' } });
  });
});
