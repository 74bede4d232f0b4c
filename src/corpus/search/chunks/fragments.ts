import { ByteReader, ByteWriter, ChunkFormatError } from './bytes';

/**
 * Per-story fragments (`f-<i>`): what a result row shows before the story itself is fetched
 * (id, title, section, kind and the start of the lede), a few consecutive stories per file. Small
 * groups, because the top hits of a query are scattered over the folder: ten hits are up to ten
 * files, and a file is paid whole for the one row it serves.
 */
export interface Fragment {
  id: string;
  title: string;
  section: string | null;
  kind: 'main' | 'brief';
  /** The first characters of the first paragraph (cut at a word boundary). */
  lede: string;
}

const F_MAGIC = 0x46; // 'F'
/** Enough lede for a two-line row; the reading view fetches the story for more. */
export const LEDE_CHARS = 200;

export function encodeFragments(list: readonly Fragment[]): Uint8Array {
  const w = new ByteWriter();
  w.byte(F_MAGIC);
  for (const f of list) {
    w.string(f.id);
    w.string(f.title);
    w.byte((f.kind === 'brief' ? 2 : 0) | (f.section === null ? 0 : 1));
    if (f.section !== null) w.string(f.section);
    w.string(f.lede);
  }
  return w.finish();
}

export function decodeFragments(bytes: Uint8Array): Fragment[] {
  const r = new ByteReader(bytes);
  if (r.byte() !== F_MAGIC) throw new ChunkFormatError('not a fragments file');
  const out: Fragment[] = [];
  while (!r.done) {
    const id = r.string();
    const title = r.string();
    const flags = r.byte();
    const section = flags & 1 ? r.string() : null;
    out.push({ id, title, section, kind: flags & 2 ? 'brief' : 'main', lede: r.string() });
  }
  return out;
}

/** The lede cut to about `LEDE_CHARS`, at a space when there is one, never inside a surrogate pair. */
export function cutLede(text: string): string {
  if (text.length <= LEDE_CHARS) return text;
  let end = text.lastIndexOf(' ', LEDE_CHARS);
  if (end < LEDE_CHARS / 2) end = LEDE_CHARS;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
