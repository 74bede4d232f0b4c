import { useEffect, useSyncExternalStore } from 'react';

/** A tiny announcement queue: "Link copied" and friends, read out by screen readers. */
let message: { id: number; text: string } | null = null;
const listeners = new Set<() => void>();
let counter = 0;

export function toast(text: string): void {
  message = { id: ++counter, text };
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function Toaster() {
  const current = useSyncExternalStore(
    subscribe,
    () => message,
    () => null,
  );
  useEffect(() => {
    if (!current) return;
    const t = setTimeout(() => {
      if (message?.id === current.id) {
        message = null;
        listeners.forEach((l) => l());
      }
    }, 2500);
    return () => clearTimeout(t);
  }, [current]);
  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center"
    >
      {current && (
        <div className="rounded-full bg-ink px-4 py-2 text-sm text-paper shadow-lg dark:bg-night-ink dark:text-night">
          {current.text}
        </div>
      )}
    </div>
  );
}
