import type { ReactNode } from 'react';

/** A key as the palette, its trigger and the results page show it. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-[1.4rem] items-center justify-center rounded border border-black/15 bg-white px-1 font-sans text-[11px] leading-5 text-ink/80 shadow-[0_1px_0_rgba(0,0,0,0.12)] dark:border-white/20 dark:bg-white/10 dark:text-night-ink/85 dark:shadow-none">
      {children}
    </kbd>
  );
}
