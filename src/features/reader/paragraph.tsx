import type { ReactNode } from 'react';

/** The paragraph links' shared hint (`aria-describedby`); StoryText renders it. */
export const PARAGRAPH_KEYS_HINT_ID = 'keys-paragraph-links';

/**
 * One paragraph with its stable anchor (`id="p<n>"`) and a ¶ "copy link" button. The button
 * sits at the end of the text on phones (no margin there), in the left margin from `sm` up; on
 * devices that can hover it shows on hover and keyboard focus, elsewhere (touch) always. Its ¶
 * is drawn by CSS, so copying the text or reading its textContent never picks it up. The buttons
 * are one tab stop (StoryText moves it with the arrow keys). `children` lets later layers
 * (entities, search hits) mark the text.
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
        <button
          type="button"
          data-copy-link
          // IMPORTANT: a constant -1; useRovingTabStop gives the one stop its 0 in the DOM.
          tabIndex={-1}
          onClick={() => p.onCopyLink(p.n)}
          aria-label={`Copy link to paragraph ${p.n}`}
          aria-describedby={PARAGRAPH_KEYS_HINT_ID}
          title={`Copy link to paragraph ${p.n}`}
          className="ml-1.5 inline-flex h-7 w-7 items-center justify-center rounded-md align-bottom font-sans text-sm text-ink/70 select-none group-hover:opacity-100 before:content-['¶'] hover:bg-black/5 hover:text-ink focus-visible:opacity-100 sm:absolute sm:top-1 sm:-left-9 sm:ml-0 [@media(hover:hover)]:opacity-0 dark:text-night-ink/70 dark:hover:bg-white/10 dark:hover:text-night-ink"
        />
      </p>
    </div>
  );
}
