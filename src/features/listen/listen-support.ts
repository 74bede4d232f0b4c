import { getEntry } from '../../lib/history-store';
import { ListenController, type ListenSettings } from './listen-controller';

const SETTINGS_KEY = 'dispatch:listen';

let controller: ListenController | null | undefined;

/**
 * The page's one Listen engine, or null where the browser has no speech synthesis (Listen is
 * then not shown at all). One per page, not per story: "continue" carries the speech from one
 * story screen to the next, and there is one synthesizer anyway.
 */
export function getListenController(): ListenController | null {
  if (controller !== undefined) return controller;
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  const Utterance = typeof window !== 'undefined' ? window.SpeechSynthesisUtterance : undefined;
  if (!synth || typeof Utterance !== 'function') return (controller = null);
  controller = new ListenController({
    synth,
    Utterance,
    lang: document.documentElement.lang || 'en',
    entryKey: () => getEntry().key,
    settings: {
      load: () => {
        try {
          return JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as Partial<ListenSettings>;
        } catch {
          return {}; // no storage, or a damaged value: the defaults
        }
      },
      save: (s) => {
        try {
          localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
        } catch {
          // Private mode: the speed holds for this page only.
        }
      },
    },
  });
  // Chrome goes on speaking after a reload or a link out of the app.
  addEventListener('pagehide', () => synth.cancel());
  return controller;
}
