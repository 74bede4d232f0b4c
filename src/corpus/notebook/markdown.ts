import type { AnchoredAnnotation } from './types';

/**
 * The notebook as Markdown, for reading and pasting elsewhere: one section per story (title, link),
 * each quote a blockquote with a link to its paragraph, its note under it as written (it is
 * Markdown already). Stories come newest first, quotes in reading order within a story (a
 * document reads top to bottom), orphans last with a word on why they have no place.
 */
export interface MarkdownStory {
  storyId: string;
  title: string;
  /** Absolute link to the story. */
  url: string;
  items: AnchoredAnnotation[];
}

export interface MarkdownOptions {
  title: string;
  exported: string;
  /** Absolute link to the paragraph an anchored quote starts in, or null for an orphan. */
  quoteUrl: (item: AnchoredAnnotation) => string | null;
}

export function toMarkdown(stories: readonly MarkdownStory[], o: MarkdownOptions): string {
  const count = stories.reduce((n, s) => n + s.items.length, 0);
  const out: string[] = [
    `# ${escapeInline(o.title)}`,
    '',
    `Exported ${o.exported.slice(0, 10)}: ${plural(count, 'highlight')} from ${plural(stories.length, 'story', 'stories')}.`,
  ];
  for (const s of stories) {
    out.push('', `## ${escapeInline(s.title)}`, '', `<${s.url}>`);
    const placed = s.items
      .filter((i) => i.anchor.status !== 'orphan')
      .sort((a, b) => startOf(a) - startOf(b));
    const orphans = s.items.filter((i) => i.anchor.status === 'orphan');
    for (const item of [...placed, ...orphans]) {
      const a = item.annotation;
      out.push('', ...blockquote(a.quote.exact));
      const link = o.quoteUrl(item);
      const meta = [
        a.color,
        a.created.slice(0, 10),
        item.anchor.status === 'orphan' ? 'no longer found in the story' : null,
        link ? `[link](${link})` : null,
      ].filter(Boolean);
      out.push('', `<sub>${meta.join(' · ')}</sub>`);
      if (a.note.trim()) out.push('', a.note.trim());
    }
  }
  return `${out.join('\n')}\n`;
}

function startOf(i: AnchoredAnnotation): number {
  return i.anchor.status === 'orphan' ? Infinity : i.anchor.start;
}

/** A quote as a blockquote: every line prefixed, Markdown that would change it escaped. */
function blockquote(text: string): string[] {
  return text.split('\n').map((line) => (line.trim() ? `> ${escapeInline(line)}` : '>'));
}

/**
 * Escapes what would turn article text into markup: emphasis, code, links, HTML, and a line start
 * that reads as a heading, list or quote.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/gu, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+[.)])(\s)/u, (_, sp: string, mark: string, after: string) =>
      mark.length === 1
        ? `${sp}\\${mark}${after}`
        : `${sp}${mark.replace(/([.)])$/u, '\\$1')}${after}`,
    );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
