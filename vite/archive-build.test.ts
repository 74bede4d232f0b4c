import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeTagger } from '../scripts/lib/ner/node-tagger';
import {
  entityGroupOf,
  sideGroupOf,
  threadGroupOf,
  type EntityGroup,
  type FilterGroup,
  type KindFile,
  type SideGroup,
  type ThreadGroup,
} from '../src/corpus/archive/archive-format';
import { readPage } from '../src/corpus/archive/listing';
import { decodeRows } from '../src/corpus/archive/row-lists';
import { sideMentions } from '../src/corpus/archive/side-groups';
import { decodeFile, encodeFile } from '../src/corpus/entities/analysis-codec';
import { analyzeStory } from '../src/corpus/entities/recognize';
import { folderFingerprint } from '../src/corpus/fingerprint';
import { orderStories } from '../src/corpus/library';
import { parseFile } from '../src/corpus/parse-file';
import { decodeTables, type TablesPack } from '../src/corpus/tables/tables-codec';
import type { ParsedFile } from '../src/corpus/types';
import type { CachedCode } from './analysis-cache';
import { ARCHIVE_FILES, archiveWanted, buildArchive, slimManifest } from './archive-build';
import { buildTables } from './build-tables';
import { readSeedFile } from './read-seed-file';
import { scanSeeds } from './scan-seeds';

const SEEDS = path.resolve(import.meta.dirname, '../public/seeds');

describe('the archive form of a build', async () => {
  const { manifest, sources } = await scanSeeds(SEEDS);
  const tagger = nodeTagger();
  const codes = new Map<string, CachedCode>();
  const files = new Map<string, ParsedFile>();
  for (const f of manifest.files) {
    const file = parseFile({
      fileId: f.id,
      section: f.section,
      bytes: await readSeedFile(sources.get(f.path)!),
    });
    files.set(f.id, file);
    const analyses = file.stories.map((s) => analyzeStory(s, tagger));
    codes.set(f.hash, encodeFile(file.stories, analyses));
  }
  const quiet = { info: () => undefined, warn: () => undefined };
  const tables = await buildTables(manifest, sources, codes, quiet);
  const shipped = decodeTables(
    JSON.parse(gunzipSync(tables!.data).toString()) as TablesPack,
    folderFingerprint(manifest.files),
  )!;
  const built = buildArchive({ manifest, parsed: files, codes, tables: tables!.data, pageRows: 4 });
  const asset = (prefix: string) =>
    built.assets.filter((a) => a.fileName.startsWith(`archive/${prefix}-`));
  const stories = orderStories(manifest.files, files);

  it('is chosen from ARCHIVE_FILES files, or by SEEDS_ARCHIVE', () => {
    expect(archiveWanted(ARCHIVE_FILES - 1, undefined)).toBe(false);
    expect(archiveWanted(ARCHIVE_FILES, undefined)).toBe(true);
    expect(archiveWanted(3, '1')).toBe(true);
    expect(archiveWanted(ARCHIVE_FILES * 5, '0')).toBe(false);
  });

  it('lists every story in the library’s order, in content-named pages', () => {
    const { info } = built;
    expect(info).toMatchObject({ files: 3, stories: 15, mains: 3, pageSize: 4 });
    const pages = asset('list');
    expect(pages.map((p) => p.fileName)).toEqual(
      info.pages.map((hash, n) => `archive/list-${n}-${hash}.json`),
    );
    const rows = pages.flatMap((p) => readPage(JSON.parse(p.source))!);
    expect(rows.map((r) => r.id)).toEqual(stories.map((s) => s.id));
    expect(rows.map((r) => r.title)).toEqual(stories.map((s) => s.title));
  });

  it('writes a manifest without the folder’s files or packs, other fields kept', () => {
    const full = { ...manifest, packs: [], tables: { url: 't.gz', size: 1 }, search: { dir: 'x' } };
    const slim = slimManifest(full, built.info);
    expect(slim.files).toEqual([]);
    expect(slim.packs).toBeUndefined();
    expect(slim).toMatchObject({ tables: { url: 't.gz' }, search: { dir: 'x' } });
    expect(slim.archive).toBe(built.info);
    expect(JSON.stringify(slim)).not.toContain(manifest.files[0]!.hash);
  });

  it('gives each file’s story view its file, names and related list in the file’s group', () => {
    const groups = asset('side').map((a) => JSON.parse(a.source) as SideGroup);
    expect(groups).toHaveLength(built.info.groups.length);
    for (const f of manifest.files) {
      const group = groups[sideGroupOf(f.id, groups.length)]!;
      const side = group.files[f.id]!;
      expect(side.file).toEqual(f);
      const parsed = files.get(f.id)!;
      const analyses = decodeFile(side.names!, parsed.stories)!;
      for (const [k, story] of parsed.stories.entries()) {
        const mentions = sideMentions(group, f, story)!;
        // The worker's canonical ids (engine-queries.ts: the table's remap).
        expect(mentions.map((m) => m.entityId)).toEqual(
          analyses[k]!.mentions.map((m) => shipped.table.remap[m.entityId] ?? m.entityId),
        );
        for (const m of mentions) expect(group.entities[m.entityId]?.name).toBeTruthy();
        const view = side.stories[story.id]!;
        expect(stories[view.row]!.id).toBe(story.id);
        expect(view.related).toEqual(shipped.relatedOf(story.id));
        for (const h of view.related?.related ?? []) {
          expect(group.titles[h.storyId]).toBe(stories.find((s) => s.id === h.storyId)!.title);
          for (const e of h.sharedEntities) expect(group.entities[e]).toBeDefined();
        }
      }
    }
    // At least one story has a related list and names, or the test above proves little.
    const sides = groups.flatMap((g) => Object.values(g.files));
    expect(sides.some((s) => Object.values(s.stories).some((v) => v.related?.related.length))).toBe(
      true,
    );
  });

  it('shows no names for another text than the one analysed, or a story it does not fit', () => {
    const group = JSON.parse(asset('side')[0]!.source) as SideGroup;
    const [fileId, side] = Object.entries(group.files)[0]!;
    const { stories: list } = files.get(fileId)!;
    expect(side.names?.stories.some((s) => s.length > 0)).toBe(true);
    expect(sideMentions(group, side.file, list[0]!)).toBeDefined();
    expect(sideMentions(group, { ...side.file, hash: 'other' }, list[0]!)).toBeUndefined();
    // A brief's code does not fit the main story's text (told by its id).
    const mentioned = list.findIndex((_, k) => k > 0 && (side.names?.stories[k]?.length ?? 0) > 0);
    const wrong = { ...list[mentioned]!, id: fileId };
    expect(sideMentions(group, side.file, wrong)).toBeUndefined();
  });

  it('writes every entity of the table to the group its id hashes to, for its page', () => {
    const { entities: hashes } = built.info;
    const groups = asset('entity').map((a) => JSON.parse(a.source) as EntityGroup);
    expect(asset('entity').map((a) => a.fileName)).toEqual(
      hashes!.map((hash, n) => `archive/entity-${n}-${hash}.json`),
    );
    expect(shipped.table.entities.length).toBeGreaterThan(10);
    for (const e of shipped.table.entities) {
      const page = groups[entityGroupOf(e.id, groups.length)]!.entities[e.id]!;
      expect(page).toMatchObject({
        name: e.name,
        aliases: e.aliases,
        storyCount: e.stories.length,
      });
      expect(page.stories.map(([id, , count]) => [id, count])).toEqual(
        e.stories.map((s) => [s.storyId, s.count]),
      );
      for (const [id, title] of page.stories)
        expect(title).toBe(stories.find((s) => s.id === id)!.title);
    }
    for (const [id, canonical] of Object.entries(shipped.table.remap))
      expect(groups[entityGroupOf(id, groups.length)]!.remap[id]).toBe(canonical);
  });

  it('writes each entity’s every story as listing rows, for the library’s filter', () => {
    const { filters: hashes, named } = built.info;
    const groups = asset('filter').map((a) => JSON.parse(a.source) as FilterGroup);
    expect(asset('filter').map((a) => a.fileName)).toEqual(
      hashes!.map((hash, n) => `archive/filter-${n}-${hash}.json`),
    );
    const ids = stories.map((s) => s.id);
    for (const e of shipped.table.entities) {
      const [name, code] = groups[entityGroupOf(e.id, groups.length)]!.entities[e.id]!;
      expect(name).toBe(e.name);
      const named = new Set(e.stories.map((s) => s.storyId));
      // Every story naming it, in the library's order (not the table's, most mentions first).
      expect(decodeRows(code)!.map((row) => ids[row])).toEqual(ids.filter((id) => named.has(id)));
    }
    for (const [id, canonical] of Object.entries(shipped.table.remap))
      expect(groups[entityGroupOf(id, groups.length)]!.remap[id]).toBe(canonical);
    // "Most named": the table's entities with the most stories, with those counts.
    const most = [...shipped.table.entities].sort(
      (a, b) => b.stories.length - a.stories.length || a.id.localeCompare(b.id),
    );
    expect(named).toEqual(
      most.slice(0, named!.length).map((e) => [e.id, e.name, e.stories.length]),
    );
    expect(named!.length).toBeGreaterThan(5);
  });

  it('writes which rows are articles, for the kind filter', () => {
    const [kinds] = asset('kinds');
    expect(kinds!.fileName).toBe(`archive/kinds-0-${built.info.kinds}.json`);
    const rows = decodeRows((JSON.parse(kinds!.source) as KindFile).mains)!;
    expect(rows.map((r) => stories[r]!.id)).toEqual(
      stories.filter((s) => s.kind === 'main').map((s) => s.id),
    );
  });

  it('writes every thread to the group its id hashes to, with its stories’ titles and ledes', () => {
    const { threads: hashes } = built.info;
    const groups = asset('thread').map((a) => JSON.parse(a.source) as ThreadGroup);
    expect(asset('thread').map((a) => a.fileName)).toEqual(
      hashes!.map((hash, n) => `archive/thread-${n}-${hash}.json`),
    );
    // The seeds have threads (the Putin stories), or this proves little.
    expect(shipped.threads.threads.length).toBeGreaterThan(0);
    for (const t of shipped.threads.threads) {
      const page = groups[threadGroupOf(t.id, groups.length)]!.threads[t.id]!;
      const byId = (id: string) => stories.find((s) => s.id === id)!;
      expect(page.title).toBe(byId(t.central).title);
      expect(page.stories.map(([id, title, section]) => [id, title, section])).toEqual(
        t.storyIds.map((id) => [id, byId(id).title, byId(id).section]),
      );
      for (const [id, , , , lede] of page.stories)
        expect(byId(id).paragraphs[0]!.startsWith(lede.replace(/…$/u, ''))).toBe(true);
      // The sidebar finds the page by the thread id its side data gives: the first story.
      const side = asset('side').map((a) => JSON.parse(a.source) as SideGroup);
      const first = t.storyIds[0]!;
      const fileId = first.replace(/~\d+$/u, '');
      expect(
        side[sideGroupOf(fileId, side.length)]!.files[fileId]!.stories[first]!.thread![0],
      ).toBe(t.id);
      for (const [id, name] of page.entities)
        expect(shipped.table.entities.find((e) => e.id === id)?.name).toBe(name);
    }
  });

  it('has no entity or thread groups without the tables (no entity pages, filter or threads)', () => {
    const bare = buildArchive({ manifest, parsed: files, codes, tables: null, pageRows: 4 });
    expect(bare.info.entities).toBeUndefined();
    expect(bare.info.filters).toBeUndefined();
    expect(bare.info.threads).toBeUndefined();
    expect(bare.assets.some((a) => /^archive\/(entity|filter|thread)-/u.test(a.fileName))).toBe(
      false,
    );
  });
});
