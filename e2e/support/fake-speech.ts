import { expect, type Page } from '@playwright/test';

/**
 * A stand-in for the Web Speech API, installed before the app loads: `speechSynthesis` and
 * `SpeechSynthesisUtterance` that speak nothing, record each utterance as it starts, and end
 * one only when the test says so (`finishUtterance`). As Chrome does, a cancelled utterance fires
 * `error` ("interrupted", then "canceled" for queued ones) a task later, and voices arrive after
 * the page has started, with a `voiceschanged` event.
 */
export async function installFakeSpeech(page: Page) {
  await page.addInitScript(() => {
    type Fired = Event & { error?: string };
    class FakeUtterance extends EventTarget {
      text: string;
      rate = 1;
      pitch = 1;
      volume = 1;
      lang = '';
      voice: SpeechSynthesisVoice | null = null;
      [handler: `on${string}`]: ((e: Fired) => void) | null | undefined;
      constructor(text = '') {
        super();
        this.text = text;
      }
    }
    const fire = (u: FakeUtterance, type: string, error?: string) => {
      const e: Fired = new Event(type);
      if (error) e.error = error;
      u.dispatchEvent(e);
      u[`on${type}`]?.(e);
    };
    const log: { text: string; rate: number; lang: string; voice: string | null }[] = [];
    const queue: FakeUtterance[] = [];
    let current: FakeUtterance | null = null;
    let paused = false;
    let voices: Partial<SpeechSynthesisVoice>[] = [];
    const startNext = () => {
      current = queue.shift() ?? null;
      if (!current) return;
      log.push({
        text: current.text,
        rate: current.rate,
        lang: current.lang,
        voice: current.voice?.name ?? null,
      });
      fire(current, 'start');
    };
    const synth = Object.assign(new EventTarget(), {
      speak(u: FakeUtterance) {
        queue.push(u);
        if (!current) startNext();
      },
      cancel() {
        const dropped = [current, ...queue].filter((u): u is FakeUtterance => u !== null);
        current = null;
        queue.length = 0;
        setTimeout(() =>
          dropped.forEach((u, i) => fire(u, 'error', i === 0 ? 'interrupted' : 'canceled')),
        );
      },
      pause: () => void (paused = true),
      resume: () => void (paused = false),
      getVoices: () => voices,
    });
    // Getters, not values (Object.assign would copy their values once).
    Object.defineProperties(synth, {
      speaking: { get: () => current !== null },
      pending: { get: () => queue.length > 0 },
      paused: { get: () => paused },
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: FakeUtterance,
      configurable: true,
      writable: true,
    });
    Object.assign(window, {
      __speech: {
        log,
        current: () => current?.text ?? null,
        finish: () => {
          const u = current;
          if (!u) return false;
          current = null;
          fire(u, 'end');
          if (!current) startNext();
          return true;
        },
        loadVoices: () => {
          voices = [
            { name: 'Fake German', lang: 'de-DE', default: true, localService: true },
            { name: 'Fake English', lang: 'en-GB', default: false, localService: true },
          ];
          synth.dispatchEvent(new Event('voiceschanged'));
        },
      },
    });
  });
}

/** A browser without speech synthesis. */
export async function removeSpeech(page: Page) {
  await page.addInitScript(() => {
    for (const name of ['speechSynthesis', 'SpeechSynthesisUtterance']) {
      Object.defineProperty(window, name, { value: undefined, configurable: true });
    }
  });
}

interface FakeSpeech {
  log: { text: string; rate: number; lang: string; voice: string | null }[];
  current: () => string | null;
  finish: () => boolean;
  loadVoices: () => void;
}
const fake = (page: Page) => ({
  log: () => page.evaluate(() => (window as unknown as { __speech: FakeSpeech }).__speech.log),
  current: () =>
    page.evaluate(() => (window as unknown as { __speech: FakeSpeech }).__speech.current()),
});

/** Everything spoken so far, in order (an utterance said again appears again). */
export function spoken(page: Page) {
  return fake(page).log();
}

/** What is being said now, or null. */
export function saying(page: Page): Promise<string | null> {
  return fake(page).current();
}

/** Waits until the fake is saying `text` (a prefix is enough). */
export async function expectSaying(page: Page, text: string) {
  await expect.poll(() => saying(page)).toMatch(new RegExp(`^${escape(text)}`, 'u'));
}

/** Nothing is being said (after a pause or stop). */
export async function expectSilent(page: Page) {
  await expect.poll(() => saying(page)).toBeNull();
}

/** The utterance being said ends, as when the voice reaches its last word. */
export async function finishUtterance(page: Page) {
  expect(
    await page.evaluate(() => (window as unknown as { __speech: FakeSpeech }).__speech.finish()),
    'an utterance was being said',
  ).toBe(true);
}

/** The browser's voices arrive (Chrome loads them after the page has started). */
export async function loadVoices(page: Page) {
  await page.evaluate(() => (window as unknown as { __speech: FakeSpeech }).__speech.loadVoices());
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
