import { MarkedText } from '../../components/ui/marked-text';
import type { EntityHit, EntityType, Snippet, StoryHit } from '../../corpus/search/types';
import { leadToHit, storyCountLabel, type StoryCopy } from './result-model';

/** The visual pieces of a result, shared by the palette and the results page (render only). */

const DOT: Record<EntityType, string> = {
  person: 'bg-rose-600 dark:bg-rose-300',
  place: 'bg-emerald-700 dark:bg-emerald-300',
  organization: 'bg-sky-700 dark:bg-sky-300',
};
const TYPE: Record<EntityType, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organization',
};

export const SECONDARY = 'text-ink/75 dark:text-night-ink/75';

/**
 * A paragraph sub-result's guide line under its story (palette and results page alike): straight,
 * so the row's rounded corners stop on the right. Each list sets its own indent.
 */
export const SUB_RESULT =
  'rounded-l-none border-l border-black/10 py-1.5 pl-4 dark:border-white/15';

/** The modifier key as the platform names it (⌘ on Apple devices). */
export const MOD_KEY =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.userAgent) ? '⌘' : 'Ctrl';

/** Section, brief label and kicker of a story, as the library shows them. */
export function StoryMeta({ hit, kicker }: { hit: StoryHit; kicker: string | null }) {
  if (!hit.section && !kicker && hit.kind !== 'brief') return null;
  return (
    <span
      className={`flex flex-wrap items-center gap-x-2 text-[11px] tracking-wide uppercase ${SECONDARY}`}
    >
      {hit.section && <span className="font-semibold">{hit.section}</span>}
      {hit.kind === 'brief' && <span className="normal-case">Brief</span>}
      {kicker && <span className="font-semibold text-accent dark:text-accent-dark">{kicker}</span>}
    </span>
  );
}

export function StoryTitle({ hit, className = '' }: { hit: StoryHit; className?: string }) {
  return (
    <span className={`font-serif leading-snug ${className}`}>
      <MarkedText text={hit.title} hits={hit.titleHighlights} />
    </span>
  );
}

/** A snippet with its hits; `lead` cuts the text so the first hit shows within a clamp. */
export function SnippetText({
  snippet,
  lead,
  className = '',
}: {
  snippet: Snippet;
  lead?: number;
  className?: string;
}) {
  const shown = lead === undefined ? snippet : leadToHit(snippet, lead);
  return (
    <span className={`text-sm leading-relaxed ${SECONDARY} ${className}`}>
      <MarkedText text={shown.text} hits={shown.highlights} />
    </span>
  );
}

/** "Also published as …": the story's copies, listed once with it (plain text, for the palette). */
export function AlsoPublished({ copies }: { copies: StoryCopy[] }) {
  if (copies.length === 0) return null;
  return (
    <span className={`text-xs ${SECONDARY}`}>
      Also published as {copies.map((c) => c.label).join(', ')}
    </span>
  );
}

/** "¶ 7": the paragraph a sub-result links to. */
export function ParagraphBadge({ n }: { n: number }) {
  return (
    <span
      className={`mt-0.5 shrink-0 rounded bg-black/[0.06] px-1.5 py-px font-mono text-[11px] tabular-nums dark:bg-white/10 ${SECONDARY}`}
    >
      <span aria-hidden>¶</span>
      <span className="sr-only">Paragraph</span> {n}
    </span>
  );
}

export function EntityLine({ hit }: { hit: EntityHit }) {
  return (
    // On a phone the type and count go under the name: beside it they cut the name short.
    <span className="flex min-w-0 flex-1 flex-wrap items-center gap-x-2.5 gap-y-0.5">
      <span aria-hidden className={`h-2.5 w-2.5 shrink-0 rounded-full ${DOT[hit.type]}`} />
      <span className="min-w-0 flex-1 truncate font-medium">
        <MarkedText text={hit.name} hits={hit.highlights} />
      </span>
      <span className={`shrink-0 text-xs max-sm:basis-full max-sm:pl-5 ${SECONDARY}`}>
        {TYPE[hit.type]} · {storyCountLabel(hit.storyCount)}
      </span>
    </span>
  );
}

/** The partial-match remark and the engine's notes. */
export function ResultNotes({ partial, notes }: { partial: boolean; notes: string[] }) {
  if (!partial && notes.length === 0) return null;
  return (
    <div className={`space-y-1 text-xs ${SECONDARY}`} role="note">
      {partial && <p>No story has every word; showing stories with most of them.</p>}
      {notes.map((n) => (
        <p key={n}>{n}</p>
      ))}
    </div>
  );
}
