import type { FileAnalysisCode } from '../entities/analysis-codec';
import type { StoryRelated } from '../tables/story-related';
import type { ManifestFile } from '../types';
import type { SectionRange } from './listing.ts';

/**
 * The archive form of a build (folders past ARCHIVE_FILES, or `SEEDS_ARCHIVE=1`): the manifest
 * lists no files. It says how many there are and where the listing pages and the stories' side
 * data are; the browser fetches the page it shows and, for a story, its own file and side group,
 * never the whole folder.
 */
export interface ArchiveInfo {
  format: typeof ARCHIVE_FORMAT;
  files: number;
  stories: number;
  /** Main stories (articles); the rest are briefs. */
  mains: number;
  /** Rows per listing page (the last page may be shorter). */
  pageSize: number;
  /** Listing page n is `<dir>/list-<n>-<pages[n]>.json` (content-named: the hash of its bytes). */
  pages: string[];
  /** Side group n is `<dir>/side-<n>-<groups[n]>.json`; a file's group is `sideGroupOf`. */
  groups: string[];
  /**
   * Entity group n is `<dir>/entity-<n>-<entities[n]>.json`; an entity's group is `entityGroupOf`
   * of its id. Absent in an archive built without the names' tables (no entity pages there).
   */
  entities?: string[];
  /**
   * Filter group n is `<dir>/filter-<n>-<filters[n]>.json` (`FilterGroup`); an entity's group is
   * `entityGroupOf(id, filters.length)`. Absent without the names' tables, as `entities`.
   */
  filters?: string[];
  /**
   * Thread group n is `<dir>/thread-<n>-<threads[n]>.json` (`ThreadGroup`); a thread's group is
   * `threadGroupOf` of its id. Absent without the names' tables (no threads there).
   */
  threads?: string[];
  /** True when its thread groups hold each thread's timeline (`ArchiveThread.timeline`). */
  timelines?: boolean;
  /**
   * The library by thread: `count` threads, largest first, `pageSize` a page; page n is
   * `<dir>/threads-<n>-<pages[n]>.json` (`ThreadListPage`, thread-listing.ts). Absent with
   * `threads` (and in archives built before it: the library says it is not there).
   */
  threadList?: { count: number; pageSize: number; pages: string[] };
  /** The most named entities, most stories first (the library's "Most named"; final counts). */
  named?: NamedEntity[];
  /**
   * The names index of the search's names group: group n is `<dir>/names-<n>-<hashes[n]>.json`
   * (`NameGroup`, name-groups.ts), the names with a word starting with `keys[n]` (its first two
   * characters). Absent without the names' tables, and in archives built before it.
   */
  names?: { keys: string[]; hashes: string[] };
  /** `<dir>/kinds-0-<kinds>.json` (`KindFile`): which rows are articles, for the kind filter. */
  kinds?: string;
  /** Where they are, under the app's base: `archive`. */
  dir: string;
  /** Sections as runs of the listing (path order keeps a section's stories together). */
  sections: SectionRange[];
}

export const ARCHIVE_FORMAT = 1;

/** Files per side group: one group is what a deep link fetches besides its file (~10–40 KB gzip). */
export const GROUP_FILES = 32;

/** The number of side groups of a folder of `files` files. */
export function groupCount(files: number): number {
  return Math.max(1, Math.ceil(files / GROUP_FILES));
}

/**
 * The side group a file's data is in: FNV-1a of its id, so a deep link finds it from the story id
 * alone (the file's place in the folder is not known before its group is read).
 */
export function sideGroupOf(fileId: string, groups: number): number {
  return fnv1a(fileId) % groups;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Entities per entity group, at most. A group is what an entity page fetches: most entities are
 * named in a handful of stories (a few KB for 32), and more per group would make every page pay
 * for its neighbours; fewer would lengthen the manifest's hash list (8 digits a group) for little.
 */
export const ENTITY_GROUP = 32;

/**
 * …and JSON bytes per group on average, at most: in a large folder many entities list
 * ENTITY_STORIES stories (~20 KB each), and 32 of them would be a ~700 KB fetch for one page.
 * The group count is in the manifest (its hash list), so sizing it by bytes costs the lookup
 * nothing.
 */
export const ENTITY_GROUP_BYTES = 64 * 1024;

/**
 * Stories listed per entity on an archive's entity page, most mentions first; `storyCount` is
 * the true number. A name in thousands of stories would otherwise make its group megabytes.
 */
export const ENTITY_STORIES = 200;

/** The number of entity groups of `entities` entities whose JSON is `bytes` long in all. */
export function entityGroupCount(entities: number, bytes = 0): number {
  return Math.max(1, Math.ceil(entities / ENTITY_GROUP), Math.ceil(bytes / ENTITY_GROUP_BYTES));
}

/** The entity group of a canonical (or story-level) entity id: FNV-1a, as for the side groups. */
export function entityGroupOf(entityId: string, groups: number): number {
  return fnv1a(entityId) % groups;
}

/** What a story view needs of one story besides its file's text. */
export interface SideStory {
  /** Its row in the library's listing (j/k step from there). */
  row: number;
  /** Its related list as the sidebar shows it (entity ids canonical), null when it has none. */
  related: StoryRelated | null;
  /** The thread it is in, as story ids (folder order: the first is the thread's id), or null. */
  thread: string[] | null;
  /**
   * The thread's later copies of one story, as [copy, the thread's first story of its copy
   * group]: the sidebar lists a story once and counts the thread as its page does. Absent when
   * it has none (most threads).
   */
  threadCopies?: [copy: string, of: string][];
}

/** One file's side data: where its text is, its names analysis, each story's related list. */
export interface SideFile {
  file: ManifestFile;
  /** The build's analysis of the file (the names packs' code), null when it has none. */
  names: FileAnalysisCode | null;
  stories: Record<string, SideStory>;
}

/**
 * An entity as an opened story's names show it (`EntitySummary` without its stories: the card's
 * first stories and their titles were ~70 % of a group, ~100 KB gzip on the 10k folder).
 */
export interface SideEntity {
  name: string;
  aliases: string[];
  storyCount: number;
  mentionCount: number;
}

/** One side group: the files whose id hashes to it, and what their views refer to. */
export interface SideGroup {
  format: typeof ARCHIVE_FORMAT;
  /** ANALYSIS_VERSION of the names: a browser of other rules ignores them. */
  analysis: string;
  files: Record<string, SideFile>;
  /** The entity table's canonical id of every story-level id the files' names use, when it differs. */
  remap: Record<string, string>;
  /** Every canonical entity the files name (and their related lists share), by id. */
  entities: Record<string, SideEntity>;
  /** The title of every story the views link to (related, duplicates, thread). */
  titles: Record<string, string>;
}

/** One entity as an archive's entity page shows it. */
export interface ArchiveEntity {
  name: string;
  aliases: string[];
  /** Stories naming it (all of them, though `stories` lists at most ENTITY_STORIES). */
  storyCount: number;
  mentionCount: number;
  /** Its stories, most mentions first, cut to ENTITY_STORIES: [story id, title, mentions]. */
  stories: [storyId: string, title: string, count: number][];
  /**
   * Who is named with it ("Often mentioned with"): [id, name, stories naming both], most first,
   * over all its stories. Absent in archives built before it (the page says what it lacks).
   */
  with?: [id: string, name: string, stories: number][];
  /**
   * The first ENTITY_SENTENCES sentences naming it, as the whole folder's page lists them (its
   * stories most mentions first). Absent in archives built before them.
   */
  sentences?: ArchiveSentence[];
}

/**
 * A sentence naming an entity: [story id, paragraph (1-based), text, the mentions' offsets in
 * it as start, end, start, end…].
 */
export type ArchiveSentence = [storyId: string, paragraph: number, text: string, ranges: number[]];

/**
 * Sentences kept per entity in an archive. The whole folder's page lists up to 200; an archive's
 * entity group holds every entity hashing to it, so each entity's share is kept small (~4 KB).
 */
export const ENTITY_SENTENCES = 20;

/** One entity group: the canonical entities whose id hashes to it. */
export interface EntityGroup {
  format: typeof ARCHIVE_FORMAT;
  entities: Record<string, ArchiveEntity>;
  /**
   * Story-level ids hashing here that the entity table merged into another (`person/putin` →
   * `person/vladimir-putin`): a link to one finds its canonical entity.
   */
  remap: Record<string, string>;
}

/** An entity of "Most named": its id, name and the number of stories naming it. */
export type NamedEntity = [id: string, name: string, stories: number];

/** How many entities "Most named" lists (the whole-folder library's facets: 14). */
export const NAMED_ENTITIES = 14;

/**
 * One filter group: per canonical entity whose id hashes to it, its name and the listing rows of
 * every story naming it (`encodeRows`, row-lists.ts), all of them, uncut: the library filtered by
 * it fetches this group alone, then the listing pages of the rows it shows.
 */
export interface FilterGroup {
  format: typeof ARCHIVE_FORMAT;
  entities: Record<string, [name: string, rows: string]>;
  /** As `EntityGroup.remap`: a merged short form's id finds its canonical entity. */
  remap: Record<string, string>;
}

/**
 * JSON bytes per filter group on average, at most: an entity in half of 100,000 stories is a
 * ~50 KB row list alone, and a filter fetches its group for one entity.
 */
export const FILTER_GROUP_BYTES = 32 * 1024;

/** The listing's articles (main stories) as a row list; every other row is a brief. */
export interface KindFile {
  format: typeof ARCHIVE_FORMAT;
  mains: string;
}

/**
 * A story as an archive's thread page lists it: the whole-folder page's `ThreadStory` as a tuple
 * (a thread of 40 repeats the same six keys 40 times). `lede` is its first paragraph, cut to
 * THREAD_LEDE characters; `copyOf` the thread's first story of its copy group, or null.
 */
export type ArchiveThreadStory = [
  storyId: string,
  title: string,
  section: string | null,
  brief: 0 | 1,
  lede: string,
  copyOf: string | null,
];

/** One thread as an archive's thread page shows it. */
export interface ArchiveThread {
  /** Its most central story's title (it names the thread). */
  title: string;
  /** Distinct stories (copies counted once), all of them, though `stories` may be cut. */
  size: number;
  /** Its stories in folder order, copies included, cut to THREAD_STORIES. */
  stories: ArchiveThreadStory[];
  /** The names two or more of its stories share, most shared first (THREAD_NAMES): [id, name]. */
  entities: [id: string, name: string][];
  /**
   * Its merged timeline, as the whole folder's thread page has it (`timeline`), made at build
   * time from every paragraph of its stories. Absent in a build that had no text to make it
   * from (the page says the timeline is not available).
   */
  timeline?: ArchiveTimelineEntry[];
}

/** A `TimelineEntry` as a tuple: [story id, paragraph (0-based), date as written, sort key, sentence]. */
export type ArchiveTimelineEntry = [
  storyId: string,
  paragraph: number,
  when: string,
  sortKey: number,
  text: string,
];

/** One thread group: the threads whose id (their first story's id) hashes to it. */
export interface ThreadGroup {
  format: typeof ARCHIVE_FORMAT;
  threads: Record<string, ArchiveThread>;
}

/** Names a thread page shows (the whole folder's thread-queries.ts: 5). */
export const THREAD_NAMES = 5;

/**
 * Stories listed per thread, at most; `size` is the true count. A generated folder that repeats
 * its stories makes threads of 40 (100k folder); a real one could chain hundreds.
 */
export const THREAD_STORIES = 200;

/** A lede's characters, at most: the page clamps it to three lines (~240 characters wide). */
export const THREAD_LEDE = 320;

/** Threads per thread group, at most, and JSON bytes per group on average (as the entity groups). */
export const THREAD_GROUP = 32;
export const THREAD_GROUP_BYTES = 64 * 1024;

/** The number of thread groups of `threads` threads whose JSON is `bytes` long in all. */
export function threadGroupCount(threads: number, bytes = 0): number {
  return Math.max(1, Math.ceil(threads / THREAD_GROUP), Math.ceil(bytes / THREAD_GROUP_BYTES));
}

/** The thread group of a thread id (its first story's id): FNV-1a, as for the other groups. */
export function threadGroupOf(threadId: string, groups: number): number {
  return fnv1a(threadId) % groups;
}
