import { useCallback, useSyncExternalStore } from 'react';

export type ThemePreference = 'system' | 'light' | 'dark';
const KEY = 'dispatch:theme';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

function readPreference(): ThemePreference {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

function apply(pref: ThemePreference): void {
  const dark = pref === 'dark' || (pref === 'system' && media().matches);
  document.documentElement.classList.toggle('dark', dark);
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  const mq = media();
  const onSystem = () => {
    apply(readPreference());
    cb();
  };
  mq.addEventListener('change', onSystem);
  return () => {
    listeners.delete(cb);
    mq.removeEventListener('change', onSystem);
  };
}

/** Theme preference (system, light or dark) kept in localStorage; system follows the OS live. */
export function useTheme(): { preference: ThemePreference; dark: boolean; cycle: () => void } {
  const preference = useSyncExternalStore(subscribe, readPreference, () => 'system' as const);
  const dark = useSyncExternalStore(
    subscribe,
    () => document.documentElement.classList.contains('dark'),
    () => false,
  );
  const cycle = useCallback(() => {
    const order: ThemePreference[] = ['system', 'light', 'dark'];
    const next = order[(order.indexOf(readPreference()) + 1) % order.length]!;
    try {
      if (next === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    apply(next);
    listeners.forEach((l) => l());
  }, []);
  return { preference, dark, cycle };
}
