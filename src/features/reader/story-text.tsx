import {
  memo,
  useMemo,
  type CSSProperties,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { KeysHint } from '../../components/ui/keys-hint';
import type { RovingMove } from '../../lib/roving';
import { useRovingTabStop } from '../../lib/use-roving-tab-stop';
import { Paragraph, PARAGRAPH_KEYS_HINT_ID } from './paragraph';
import { groupOf, groupParagraphs, sliceEnds, type ParagraphGroup } from './paragraph-groups';
import { useProgressiveCount } from './use-progressive-count';

/** Past this many characters, groups away from the viewport skip layout (content-visibility). */
const LAZY_LAYOUT_CHARS = 200_000;
/** Characters a line of the reading measure holds, roughly (68ch of the serif body). */
const CHARS_PER_LINE = 70;
/**
 * Line height of the body text at the default size and the gap between paragraphs, in rem: an
 * estimate only (the reader's text settings change the size; the article sets it, and the text
 * inherits its typeface and size from there).
 */
const LINE_REM = 1.1875 * 1.7;
const GAP_REM = 1.25;

const COPY_LINK = '[data-story-text] button[data-copy-link]';
/** Up and down the paragraphs; `[` and `]` stay the names' keys. */
const PARAGRAPH_KEYS: Readonly<Record<string, RovingMove>> = {
  ArrowDown: 'next',
  ArrowRight: 'next',
  ArrowUp: 'prev',
  ArrowLeft: 'prev',
  Home: 'first',
  End: 'last',
};

export interface StoryTextProps {
  paragraphs: string[];
  activeParagraph: number | null;
  /** A paragraph (1-based) that must be in the page now: the first search hit's. */
  mustShow?: number;
  onCopyParagraph: (n: number) => void;
  /** Renders a paragraph's text; later layers (entities, search hits) mark it up. */
  renderText?: (text: string, index: number) => ReactNode;
  /** Delegated handlers of the text (clicks and keys on marks). */
  handlers?: Pick<HTMLAttributes<HTMLDivElement>, 'onClick' | 'onKeyDown' | 'onFocus'>;
}

/**
 * The story's paragraphs, in groups (see paragraph-groups.ts) rendered slice by slice: a group
 * re-renders only when its own props change, so adding a slice costs that slice, not the text
 * before it. IMPORTANT: keep `renderText` and `onCopyParagraph` stable (useCallback), or every
 * group renders again on every change of the story screen.
 */
export function StoryText(p: StoryTextProps) {
  const { paragraphs } = p;
  const groups = useMemo(() => groupParagraphs(paragraphs.map((t) => t.length)), [paragraphs]);
  const ends = useMemo(() => sliceEnds(groups), [groups]);
  const lazy = useMemo(() => groups.reduce((n, g) => n + g.chars, 0) > LAZY_LAYOUT_CHARS, [groups]);
  const target = Math.max(p.activeParagraph ?? 0, p.mustShow ?? 0);
  const shown = useProgressiveCount(ends, target > 0 ? groupOf(groups, target - 1) + 1 : 0);
  const rendered = groups[shown - 1]?.to ?? 0;
  // The ¶ buttons are one tab stop, so Tab goes from the text to the pager and the sidebar.
  const links = useRovingTabStop({
    items: copyLinkElements,
    selector: COPY_LINK,
    keys: PARAGRAPH_KEYS,
    version: paragraphs,
  });
  const { handlers } = p;
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    links.onKeyDown(e);
    if (!e.defaultPrevented) handlers?.onKeyDown?.(e);
  };
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    links.onFocus(e);
    handlers?.onFocus?.(e);
  };
  return (
    <>
      <div
        onClick={handlers?.onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        data-story-text
        className="space-y-5 leading-[1.7] [hyphens:auto] [overflow-wrap:anywhere]"
      >
        {groups.slice(0, shown).map((g) => {
          const active = p.activeParagraph;
          return (
            <GroupView
              key={g.from}
              group={g}
              paragraphs={paragraphs}
              active={active !== null && active > g.from && active <= g.to ? active : null}
              lazy={lazy}
              onCopyParagraph={p.onCopyParagraph}
              renderText={p.renderText}
            />
          );
        })}
        {rendered < paragraphs.length && (
          <p className="font-sans text-sm text-ink/75 italic dark:text-night-ink/75">
            Paragraphs {(rendered + 1).toLocaleString()}–{paragraphs.length.toLocaleString()} are on
            their way…
          </p>
        )}
        {paragraphs.length === 0 && (
          <p className="font-sans text-base italic">This file has no text.</p>
        )}
      </div>
      <KeysHint id={PARAGRAPH_KEYS_HINT_ID} stop="paragraph-links">
        Paragraph links: arrow keys move between them, Enter copies one, Tab leaves them.
      </KeysHint>
    </>
  );
}

function copyLinkElements(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>(COPY_LINK));
}

const GroupView = memo(function GroupView(p: {
  group: ParagraphGroup;
  paragraphs: string[];
  active: number | null;
  lazy: boolean;
  onCopyParagraph: (n: number) => void;
  renderText?: (text: string, index: number) => ReactNode;
}) {
  const { from, to } = p.group;
  const out: ReactNode[] = [];
  let lines = 0;
  for (let i = from; i < to; i++) {
    const text = p.paragraphs[i]!;
    lines += Math.ceil(text.length / CHARS_PER_LINE);
    out.push(
      <Paragraph key={i} n={i + 1} active={p.active === i + 1} onCopyLink={p.onCopyParagraph}>
        {p.renderText ? p.renderText(text, i) : text}
      </Paragraph>,
    );
  }
  // Far from the viewport the group is not laid out; the height assumed until it is comes from
  // its length, so the scrollbar and a jump to the end land about right.
  const style: CSSProperties | undefined = p.lazy
    ? {
        contentVisibility: 'auto',
        containIntrinsicSize: `auto ${(lines * LINE_REM + (to - from - 1) * GAP_REM).toFixed(0)}rem`,
      }
    : undefined;
  return (
    <div data-paragraph-group className="space-y-5" style={style}>
      {out}
    </div>
  );
});
