/**
 * URL text fragments (`#:~:text=`, https://wicg.github.io/scroll-to-text-fragment/): the link of
 * "Copy quote" names the quoted words, so browsers that read the directive mark them, and the app
 * marks them itself on a first load (where the browser strips the directive from `location`).
 */

/** Past this many words a quote is named by its first and last words (`start,end`). */
const SPLIT_WORDS = 8;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

export interface TextDirective {
  prefix?: string;
  start: string;
  end?: string;
  suffix?: string;
}

const encode = (s: string) => encodeURIComponent(s).replace(/-/gu, '%2D');

/** The `text=…` directive for `text[start, end)`, widened to whole words (as browsers match). */
export function textDirective(text: string, start: number, end: number): string | null {
  let a = start;
  let b = end;
  while (a > 0 && /[\p{L}\p{N}]/u.test(text[a - 1]!) && /[\p{L}\p{N}]/u.test(text[a]!)) a--;
  while (b < text.length && /[\p{L}\p{N}]/u.test(text[b]!) && /[\p{L}\p{N}]/u.test(text[b - 1]!))
    b++;
  // Browsers match a directive inside one block: a quote over paragraphs names its first one.
  const lead = a + (text.slice(a, b).length - text.slice(a, b).trimStart().length);
  const cut = text.indexOf('\n\n', lead);
  if (cut !== -1 && cut < b) b = cut;
  const quote = text.slice(a, b).trim();
  if (!quote) return null;
  const words = quote.split(/\s+/u);
  const before = lastWords(text.slice(Math.max(0, a - 80), a), CONTEXT_WORDS);
  const after = firstWords(text.slice(b, b + 80), CONTEXT_WORDS);
  const parts: string[] = [];
  if (before) parts.push(`${encode(before)}-`);
  if (words.length > SPLIT_WORDS) {
    parts.push(encode(words.slice(0, EDGE_WORDS).join(' ')));
    parts.push(encode(words.slice(-EDGE_WORDS).join(' ')));
  } else {
    parts.push(encode(words.join(' ')));
  }
  if (after) parts.push(`-${encode(after)}`);
  return `text=${parts.join(',')}`;
}

/** The last `n` whole words of the text before a quote, within its paragraph. */
function lastWords(s: string, n: number): string {
  const inBlock = s.split(/\n\n/u).pop() ?? '';
  const words = inBlock.trim().split(/\s+/u).filter(Boolean);
  // The first word may be cut off by the 80-character window: keep it only if all were seen.
  const whole = inBlock.length < s.length || s.length < 80 ? words : words.slice(1);
  return whole.slice(-n).join(' ');
}

function firstWords(s: string, n: number): string {
  const inBlock = s.split(/\n\n/u)[0] ?? '';
  const words = inBlock.trim().split(/\s+/u).filter(Boolean);
  const whole = inBlock.length < s.length || s.length < 80 ? words : words.slice(0, -1);
  return whole.slice(0, n).join(' ');
}

/** The text directive of a URL or hash (`…#p3:~:text=a,b`), or null. */
export function parseTextDirective(url: string): TextDirective | null {
  const at = url.indexOf(':~:');
  if (at < 0) return null;
  const value = url
    .slice(at + 3)
    .split('&')
    .find((d) => d.startsWith('text='))
    ?.slice('text='.length);
  if (!value) return null;
  const parts = value.split(',');
  const prefix = parts[0]?.endsWith('-') ? decode(parts.shift()!.slice(0, -1)) : undefined;
  const suffix =
    parts.length > 1 && parts[parts.length - 1]!.startsWith('-')
      ? decode(parts.pop()!.slice(1))
      : undefined;
  if (parts.length < 1 || parts.length > 2) return null;
  const start = decode(parts[0]!);
  const end = parts[1] === undefined ? undefined : decode(parts[1]);
  if (!start || prefix === null || suffix === null || end === null) return null;
  return {
    start,
    ...(prefix ? { prefix } : {}),
    ...(end ? { end } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * Where a directive lands in `text` (case-insensitive, white space collapsed), or null. Simpler
 * than a browser (no word-boundary checks beyond the context), which is enough for links the app
 * made itself.
 */
export function findTextDirective(text: string, d: TextDirective): [number, number] | null {
  const lower = text.toLowerCase();
  // Lower-casing must keep offsets (a few characters grow: 'İ'); else match case-sensitively.
  const hay = lower.length === text.length ? lower : text;
  const norm = (s: string) => (hay === lower ? s.toLowerCase() : s);
  const start = norm(d.start);
  for (let at = hay.indexOf(start); at !== -1; at = hay.indexOf(start, at + 1)) {
    if (d.prefix && !hay.slice(0, at).trimEnd().endsWith(norm(d.prefix))) continue;
    let end = at + start.length;
    if (d.end) {
      const e = hay.indexOf(norm(d.end), end);
      if (e === -1) continue;
      end = e + d.end.length;
    }
    if (d.suffix && !hay.slice(end).trimStart().startsWith(norm(d.suffix))) continue;
    return [at, end];
  }
  return null;
}
