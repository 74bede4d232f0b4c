import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'dispatch:recent-searches';
const MAX = 8;
const listeners = new Set<() => void>();
let cache: { raw: string | null; list: string[] } = { raw: null, list: [] };

function read(): string[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KEY);
  } catch {
    return cache.list;
  }
  if (raw === cache.raw) return cache.list;
  let list: string[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) list = parsed.filter((q): q is string => typeof q === 'string');
  } catch {
    list = [];
  }
  cache = { raw, list: list.slice(0, MAX) };
  return cache.list;
}

function write(list: string[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Private mode or a full quota: recent searches are a convenience, never an error.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Recent searches, newest first, kept in localStorage (shared across tabs). */
export function useRecentSearches() {
  const recent = useSyncExternalStore(subscribe, read, () => cache.list);
  const add = useCallback((query: string) => {
    const q = query.trim();
    if (!q) return;
    write([q, ...read().filter((x) => x !== q)].slice(0, MAX));
  }, []);
  const remove = useCallback((query: string) => {
    write(read().filter((x) => x !== query));
  }, []);
  return { recent, add, remove };
}
