import { distinctTitles } from './title.ts';
import type { ManifestFile, ParsedFile, Story } from './types.ts';

/**
 * The reading order of the library: manifest order (path order, so sections stay together), each
 * file's main story followed by its briefs. Files not loaded yet are skipped; derived titles are
 * made distinct across the whole folder (`distinct`: callers skip it while a big folder streams in,
 * where redoing it per batch cost ~1 s of main thread at 10,000 files).
 */
export function orderStories(
  files: ManifestFile[],
  parsed: ReadonlyMap<string, Pick<ParsedFile, 'stories'>>,
  distinct = true,
): Story[] {
  const stories: Story[] = [];
  for (const f of files) {
    const p = parsed.get(f.id);
    if (p) stories.push(...p.stories);
  }
  if (!distinct) return stories;
  const titles = distinctTitles(
    stories.map((s) => ({
      title: s.title,
      titleDerived: s.titleDerived,
      lede: s.paragraphs[0] ?? '',
    })),
  );
  return stories.map((s, i) => (titles[i] === s.title ? s : { ...s, title: titles[i]! }));
}

/**
 * A file's path in the folder from its id: the scan names a file by its path less `.txt`
 * (vite/scan-seeds.ts `fileIdOfPath`), so a story's file can be fetched knowing its id alone
 * (an archive's search, which has no file list).
 */
export function filePathOf(fileId: string): string {
  return `${fileId}${FILE_EXTENSION}`;
}

/** `business/001.txt` → `business/001`: the id the scan gives a file (its path, less `.txt`). */
export function fileIdOfPath(path: string): string {
  return path.endsWith(FILE_EXTENSION) ? path.slice(0, -FILE_EXTENSION.length) : path;
}

/** The folder's article files. */
export const FILE_EXTENSION = '.txt';

/** `business/001~2` → `business/001`: the file a story id belongs to. */
export function fileIdOf(storyId: string): string {
  const m = /^(.*)~\d+$/u.exec(storyId);
  return m ? m[1]! : storyId;
}

/**
 * Story ids in reading order, filling files that have not loaded yet with their main story
 * (whose id is known from the manifest), so next/previous works before the folder is loaded.
 */
export function storyOrder(
  files: ManifestFile[],
  parsed: ReadonlyMap<string, ParsedFile>,
): string[] {
  return files.flatMap((f) => parsed.get(f.id)?.stories.map((s) => s.id) ?? [f.id]);
}

/** Which stories a step (j/k, J/K) lands on: articles, briefs, or either. */
export type StepUnit = 'main' | 'brief' | 'any';

/** True for a brief's id (`<file id>~<n>`). */
export function isBriefId(storyId: string): boolean {
  return fileIdOf(storyId) !== storyId;
}

/**
 * The story `delta` places from `from` in reading order, skipping stories of another kind than
 * `unit` and those `accept` refuses (the library's filter); null at either end, or when `from` is
 * not in `order`. `from` itself need not pass: a brief opened from a list of articles steps to the
 * article after it.
 */
export function stepStory(
  order: readonly string[],
  from: string,
  delta: 1 | -1,
  unit: StepUnit,
  accept: (storyId: string) => boolean = () => true,
): string | null {
  const at = order.indexOf(from);
  if (at < 0) return null;
  for (let i = at + delta; i >= 0 && i < order.length; i += delta) {
    const id = order[i]!;
    if (unit !== 'any' && isBriefId(id) !== (unit === 'brief')) continue;
    if (accept(id)) return id;
  }
  return null;
}

/**
 * The one-line excerpt of a library row. A derived title already is the lede's opening, so the
 * excerpt goes on from the lede's second sentence (or the second paragraph) instead of repeating it.
 */
export function storyExcerpt(story: Story): string {
  const [first = '', second = ''] = story.paragraphs;
  if (!story.titleDerived) return first;
  const m = /[^\s.]{2}[.!?]["”’]?\s+(?=["“‘]?[\p{Lu}\d])/u.exec(first);
  const rest = m ? first.slice(m.index + m[0].length) : '';
  return rest || second || first;
}
