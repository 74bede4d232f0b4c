import type { ReactNode } from 'react';

/**
 * How to move within a roving tab stop (the story's names, its paragraph links). It is each
 * item's description (`aria-describedby` on the items points at `id`), and it shows as a small
 * note at the bottom of the screen while one of the items has keyboard focus (index.css), since
 * a sighted keyboard user who Tabs onto a name cannot otherwise guess the arrow keys.
 */
export function KeysHint({
  id,
  stop,
  children,
}: {
  id: string;
  stop: 'names' | 'paragraph-links' | 'story-names';
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      data-keys-hint={stop}
      className="pointer-events-none fixed bottom-4 left-4 z-40 max-w-[calc(100vw-2rem)] rounded-lg bg-ink px-3 py-1.5 font-sans text-sm text-paper shadow-lg dark:bg-night-ink dark:text-night"
    >
      {children}
    </p>
  );
}
