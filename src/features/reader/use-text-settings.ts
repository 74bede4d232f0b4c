import { useCallback, useSyncExternalStore } from 'react';
import {
  DEFAULT_TEXT_SETTINGS,
  parseTextSettings,
  sameTextSettings,
  serializeTextSettings,
  type TextSettings,
} from './text-settings';

const KEY = 'dispatch:text-settings';
const listeners = new Set<() => void>();

/**
 * The settings in use. They live in memory first and in localStorage second: a browser that
 * refuses storage (private mode, a full quota, storage disabled) still gets the reader's choice
 * for as long as the page is open, and nothing else notices.
 */
let current: TextSettings | null = null;

function read(): TextSettings {
  if (current) return current;
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    // Storage may throw on mere access (blocked site data): the defaults it is.
  }
  current = parseTextSettings(raw);
  return current;
}

function write(next: TextSettings): void {
  if (sameTextSettings(read(), next)) return;
  current = next;
  try {
    if (sameTextSettings(next, DEFAULT_TEXT_SETTINGS)) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, serializeTextSettings(next));
  } catch {
    // Not stored: the choice holds for this page only.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed them: follow, so two open stories never disagree.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY && e.key !== null) return;
    current = parseTextSettings(e.newValue);
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The reader's text settings (size, typeface, line width), kept per browser. */
export function useTextSettings() {
  const settings = useSyncExternalStore(subscribe, read, () => DEFAULT_TEXT_SETTINGS);
  const update = useCallback((patch: Partial<TextSettings>) => write({ ...read(), ...patch }), []);
  const reset = useCallback(() => write({ ...DEFAULT_TEXT_SETTINGS }), []);
  return { settings, update, reset };
}
