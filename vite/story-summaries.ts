import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseFile, PARSER_VERSION } from '../src/corpus/parse-file.ts';
import type { ManifestFile, Story } from '../src/corpus/types.ts';
import { readSeedFile, type SeedFile } from './read-seed-file.ts';

/**
 * What a link-preview page and an archive's listing row need of each story (its id, titles,
 * section, kicker, lede and excerpt), per file, kept between builds by content hash: a rebuild
 * parses only the files that changed, not the whole folder (100,000 files: most of the
 * previews' 108 s). A summary is the story with its first two paragraphs (the row's excerpt goes
 * on to the second when the title was taken from the lede: `storyExcerpt`).
 */
const SUMMARY_VERSION = 2;

/** The stories of every file it could read, lede only, by file id. */
export async function storySummaries(
  files: readonly ManifestFile[],
  sources: ReadonlyMap<string, SeedFile>,
  cacheFile: string,
): Promise<{ parsed: Map<string, { stories: Story[] }>; reparsed: number }> {
  const before = await readCache(cacheFile);
  const after: Record<string, Story[]> = {};
  const parsed = new Map<string, { stories: Story[] }>();
  let reparsed = 0;
  for (const f of files) {
    const key = `${SUMMARY_VERSION}\n${PARSER_VERSION}\n${f.id}\n${f.section ?? ''}\n${f.hash}`;
    let stories = before[key];
    if (!stories) {
      const source = sources.get(f.path);
      if (!source) continue;
      try {
        const file = parseFile({
          fileId: f.id,
          section: f.section,
          bytes: await readSeedFile(source),
        });
        stories = file.stories.map(summarize);
        reparsed++;
      } catch {
        continue; // the app shows this file's error; it just gets no preview page
      }
    }
    after[key] = stories;
    parsed.set(f.id, { stories });
  }
  // Nothing parsed again and no entry dropped: the file on disk already holds `after` (the same
  // entries, maybe in another order). It was stringified and written whole at every build, and it
  // is awaited before the archive's groups (100,000 files: 117 MB; 10,000: 11.6 MB, ~0.35 s).
  const unchanged = reparsed === 0 && Object.keys(before).length === Object.keys(after).length;
  if (!unchanged) {
    await mkdir(path.dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify(after));
  }
  return { parsed, reparsed };
}

function summarize(s: Story): Story {
  return { ...s, paragraphs: s.paragraphs.slice(0, 2), credits: [] };
}

async function readCache(file: string): Promise<Record<string, Story[]>> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    return data && typeof data === 'object' ? (data as Record<string, Story[]>) : {};
  } catch {
    return {};
  }
}
