import type { ReactNode } from 'react';

/**
 * One paragraph with its stable anchor (`id="p<n>"`) and a "copy link" button that appears on
 * hover and keyboard focus. `children` lets later layers (entities, search hits) mark the text.
 */
export function Paragraph(p: {
  n: number;
  active: boolean;
  onCopyLink: (n: number) => void;
  children: ReactNode;
}) {
  return (
    <div className="group relative">
      <p
        id={`p${p.n}`}
        data-paragraph={p.n}
        className={`scroll-mt-24 ${p.active ? 'paragraph-target' : ''}`}
        aria-current={p.active ? 'location' : undefined}
      >
        {p.children}
      </p>
      <button
        type="button"
        onClick={() => p.onCopyLink(p.n)}
        aria-label={`Copy link to paragraph ${p.n}`}
        title={`Copy link to paragraph ${p.n}`}
        className="absolute top-1 -left-9 hidden h-7 w-7 items-center justify-center rounded-md font-sans text-sm text-ink/60 opacity-0 group-hover:opacity-100 hover:bg-black/5 hover:text-ink focus-visible:opacity-100 sm:flex dark:text-night-ink/60 dark:hover:bg-white/10 dark:hover:text-night-ink"
      >
        <span aria-hidden>¶</span>
      </button>
    </div>
  );
}
