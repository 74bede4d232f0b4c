import { FILE_HINT_META } from '../src/data/file-hint.ts';
import type { ManifestFile, Story } from '../src/corpus/types.ts';

/** HTML-escapes text for an attribute or element body: the texts come from untrusted files. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

const DESCRIPTION_MAX = 200;

/** The lede, cut at a word boundary, for link previews. */
export function describe(story: Story): string {
  const text = (story.paragraphs[0] ?? story.kicker ?? '').replace(/\s+/gu, ' ').trim();
  if (text.length <= DESCRIPTION_MAX) return text;
  const cut = text.lastIndexOf(' ', DESCRIPTION_MAX - 1);
  return `${text.slice(0, cut > 80 ? cut : DESCRIPTION_MAX - 1)}…`;
}

/**
 * The built `index.html` with the story's own title, description and Open Graph / Twitter tags,
 * so a shared link unfurls with its headline and lede; the page still boots the same app. It also
 * names the story's file (FILE_HINT_META), so the app fetches that file at boot instead of after
 * the folder's manifest: a deep link paints as fast in a 10,000-file folder as in a small one.
 */
export function storyPageHtml(
  indexHtml: string,
  story: Story,
  title: string,
  siteUrl: string | null,
  href: string,
  file: ManifestFile,
): string {
  const t = escapeHtml(`${title} · Dispatch`);
  const d = escapeHtml(describe(story));
  const tags = [
    `<meta name="description" content="${d}" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:site_name" content="Dispatch" />`,
    `<meta property="og:title" content="${escapeHtml(title)}" />`,
    `<meta property="og:description" content="${d}" />`,
    siteUrl
      ? `<meta property="og:url" content="${escapeHtml(siteUrl.replace(/\/$/u, '') + href)}" />`
      : '',
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${escapeHtml(title)}" />`,
    `<meta name="twitter:description" content="${d}" />`,
    story.section
      ? `<meta property="article:section" content="${escapeHtml(story.section)}" />`
      : '',
    `<meta name="${FILE_HINT_META}" content="${escapeHtml(JSON.stringify(file))}" />`,
  ]
    .filter(Boolean)
    .join('\n    ');
  return indexHtml
    .replace(/<title>[^<]*<\/title>/u, () => `<title>${t}</title>`)
    .replace(/<meta name="description"[^>]*>\s*/u, '')
    .replace('</head>', () => `    ${tags}\n  </head>`);
}
