import type { MentionSentence } from '../corpus/entities/mention-sentences';
import type { Entity, EntityType, Mention } from '../corpus/entities/types';
import type { RelatedResult } from '../corpus/related/related-query';
import type { SearchResults, Snippet } from '../corpus/search/types';
import type { TimelineEntry } from '../corpus/threads/timeline';
import type { FileRows } from '../corpus/folder-listing';
import type { ManifestFile, ManifestPack, ParsedFile, Story } from '../corpus/types';
import type { ChunksRef } from './chunk-source';
import type { TablesRef } from './prebuilt-tables';

/**
 * Messages between the main thread and the corpus worker. Everything is plain data
 * (structuredClone). Requests carry an id; the worker answers each with a response of that id.
 */
/** A file as the worker holds it (folder-store.ts). */
export interface FileEntry {
  file: ParsedFile;
  /** Content hash from the manifest: the cache key of everything derived from the file. */
  hash: string;
}

/**
 * A folder's load, asked of the worker: it fetches and parses the files, keeps them, and posts
 * the page their listing rows (`FolderEvent`). Sent again as it is after a crash.
 */
export interface LoadFolder {
  type: 'load-folder';
  loadId: number;
  files: ManifestFile[];
  /** The build's text packs; null when every file is fetched on its own (dev, `?packs=0`). */
  packs: ManifestPack[] | null;
  fingerprint: string;
  /** Parsed files are likely in IndexedDB from an earlier visit (`filesLikelyCached`). */
  cached: boolean;
  /** A story's page: the folder waits for the story's paint (`painted`, ≤ 1.5 s). */
  waitForPaint: boolean;
}

/** A file of the folder that could not be loaded; the rest of the folder goes on. */
export interface FileFailure {
  file: ManifestFile;
  message: string;
}

/** What a folder's load has brought since its last event (folder-loader.ts). */
export interface FolderEvent {
  type: 'folder';
  loadId: number;
  files: FileRows[];
  failures: FileFailure[];
  /** Set on the load's last event. */
  end?: {
    /** Derived titles made distinct across the folder (`titleChanges`): [story id, title]. */
    titles: [string, string][];
    /** The load broke (an unexpected error in the worker): the page shows it. */
    error?: string;
  };
  /**
   * After the end, on an event of its own: every file was loaded and its parsed form has reached
   * IndexedDB (the writes are not waited for before the end).
   */
  cached?: true;
}

/** A text pack's analyses shipped by the build: where, and the pack's file ids in order. */
export interface NamesPackRef {
  url: string;
  files: string[];
}

export type Request =
  | {
      type: 'names';
      packs: NamesPackRef[];
      /**
       * The main thread's hint that this folder was cached on an earlier visit: then the packs
       * download after the cached search index is ready; on a first visit, at once.
       */
      afterSearch: boolean;
    }
  /**
   * The build's tables: `prefetch` with the manifest (downloaded, not decoded), then again at the
   * page's turn (client-boot.ts, `tablesTurn`) to be decoded and taken.
   */
  | { type: 'tables'; tables: TablesRef; prefetch?: boolean }
  /**
   * The folder's fingerprint as the built page names it (`<meta name="dispatch-folder">`), sent
   * by public/early-worker.js as it starts the worker (id 0, an answer nobody waits for): the
   * last visit's search index is taken on it without waiting for the manifest. `load-folder`
   * says which folder it really is.
   */
  | {
      type: 'folder-hint';
      fingerprint: string;
      /**
       * The page (early-worker.js) found the folder recorded as in IndexedDB, and it is not a
       * story's page: the worker reads the library's first screen at once (`FolderLoader.preload`).
       */
      warm?: boolean;
    }
  /** The build's search chunks (the manifest's `chunks`), or null when it has none. */
  | { type: 'chunks'; chunks: ChunksRef | null }
  | LoadFolder
  /** The story of a deep link has painted: a load that waits for it goes on. */
  | { type: 'painted' }
  /** A file the worker holds (null when it does not, or holds another version). */
  | { type: 'file'; fileId: string; hash: string }
  | { type: 'story-entities'; story: Story; hash: string }
  | { type: 'search'; query: string; limit?: number }
  /** Paragraph sub-results of a chunk answer's stories, from their files at `url`. */
  | {
      type: 'search-paragraphs';
      query: string;
      stories: { storyId: string; url: string }[];
      perStory: number;
    }
  | { type: 'related'; storyId: string }
  | { type: 'entity'; entityId: string }
  | { type: 'entity-list'; ids: string[] }
  | { type: 'story-hits'; story: Story; query: string }
  | { type: 'filter-stories'; entityIds: string[] }
  | { type: 'thread-of'; storyId: string }
  | { type: 'threads' }
  | { type: 'thread'; threadId: string };

export type RequestMessage = { id: number } & Request;

/** An entity as the UI shows it: its table row, or a story-local stand-in before the table is built. */
export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  storyCount: number;
  mentionCount: number;
  /** Other stories that mention it, most mentions first (may be partial while analysis runs). */
  stories: { storyId: string; count: number }[];
}

/**
 * Stories listed with each entity of an opened story (its card shows the first 8 other than the
 * story itself). The whole list made a deep link's answer ~5× bigger on BBC once the entity table
 * was there ("US": 500 stories), and it is cloned on both threads before the names are marked.
 */
export const CARD_STORIES = 9;

export interface StoryEntitiesResult {
  storyId: string;
  mentions: Mention[];
  /** Their `stories` cut to CARD_STORIES (`storyCount` says how many there are). */
  entities: EntitySummary[];
}

/** A sentence naming the page's entity (entities/mention-sentences.ts). */
export type EntityMentionSentence = MentionSentence;

export interface EntityPageData {
  entity: Entity;
  sentences: EntityMentionSentence[];
  /** Entities that share stories with this one, most shared stories first. */
  cooccurring: { entity: EntitySummary; stories: number }[];
}

/** Stories naming every one of the chosen entities, and the names most common among them. */
export interface StoryFilterResult {
  /** Null when no entity is chosen (no filtering). */
  storyIds: string[] | null;
  selected: EntitySummary[];
  facets: { entity: EntitySummary; count: number }[];
}

export interface RelatedView extends RelatedResult {
  /** Names of the shared entity ids, for the "why" line. */
  entityNames: Record<string, string>;
  distinguishingTerms: string[];
}

/** A story as a thread lists it. */
export interface ThreadStory {
  storyId: string;
  title: string;
  kind: 'main' | 'brief';
  section: string | null;
  /** The first paragraph, for the thread page. */
  lede: string;
  /** Set when the story is a copy of another story of the thread (shown once). */
  copyOf: string | null;
}

/** One thread, as the sidebar and the library's thread view show it. */
export interface ThreadSummary {
  id: string;
  /** The most central story's title. */
  title: string;
  /** Distinct stories (copies counted once). */
  size: number;
  stories: ThreadStory[];
  /** The names two or more of its stories share, most shared first. */
  entities: EntitySummary[];
}

export interface ThreadPageData extends ThreadSummary {
  timeline: TimelineEntry[];
}

export interface ResponseMap {
  names: null;
  tables: null;
  'folder-hint': null;
  chunks: null;
  'load-folder': null;
  painted: null;
  file: ParsedFile | null;
  'story-entities': StoryEntitiesResult;
  search: SearchResults;
  /** By story id; a story whose file could not be read is absent. */
  'search-paragraphs': Record<string, Snippet[]>;
  related: RelatedView | null;
  entity: EntityPageData | null;
  'entity-list': EntitySummary[];
  /** Per paragraph (0-based), the ranges of the query's hits in that paragraph's text. */
  'story-hits': [number, number][][];
  'filter-stories': StoryFilterResult;
  /** Null when the story is in no thread (or threads are not built yet). */
  'thread-of': ThreadSummary | null;
  threads: ThreadSummary[];
  thread: ThreadPageData | null;
}

export type ResponseMessage =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * Progress of the background work, pushed whenever it changes. The main thread reads it as the
 * engine's phases (engine-phases.ts), on which it refreshes its queries.
 */
export interface WorkerStatus {
  type: 'status';
  files: number;
  totalFiles: number;
  stories: number;
  analysed: number;
  /**
   * Bumped each time the folder-wide results (entity table, related index) are rebuilt. Queries of
   * derived data key on it: a flag like entitiesReady can go true → false → true across a rebuild,
   * and a cached answer from in between must not stick.
   */
  epoch: number;
  searchReady: boolean;
  /** True when the search index came from the IndexedDB cache (warm start). */
  searchFromCache: boolean;
  /** True once the worker has finished reading its cached search index (found or not). */
  cacheChecked: boolean;
  /**
   * True once that index, if there was one, has its lookups built (see SearchBuild.prefetch):
   * until then searches leave out the names, which join when this turns true.
   */
  searchWarm: boolean;
  /**
   * True once the worker's own search index covers the whole folder with its lookups built
   * (SearchBuild.complete): from then on searches are answered from it rather than from the
   * build's search chunks, so a search is asked again when this turns true.
   */
  searchComplete: boolean;
  /** The entity table is there: entity rows, the library's filter and its counts. */
  entitiesReady: boolean;
  relatedReady: boolean;
  /**
   * The table is there and every story of the folder has been read and analysed: search has the
   * names group and entity pages all their sentences. The same moment as entitiesReady when the
   * worker builds the table, later when the build shipped it (it arrives before the files).
   */
  namesComplete: boolean;
  /** Milliseconds spent on entity analysis of the whole folder, once done. */
  analysisMs: number | null;
  /** Files whose analyses came from IndexedDB. */
  cachedFiles: number;
  /** Files whose analyses came from the build (`names` packs), not analysed here. */
  builtFiles: number;
  /** The entity table, related lists and threads are the build's (its `tables` pack). */
  builtTables: boolean;
}

export type WorkerEvent = ResponseMessage | WorkerStatus | FolderEvent;

/** The status before the worker has said anything (and after a crash, until it does). */
export const INITIAL_STATUS: WorkerStatus = {
  type: 'status',
  files: 0,
  totalFiles: 0,
  stories: 0,
  analysed: 0,
  epoch: 0,
  searchReady: false,
  searchFromCache: false,
  cacheChecked: false,
  searchWarm: false,
  searchComplete: false,
  entitiesReady: false,
  relatedReady: false,
  analysisMs: null,
  cachedFiles: 0,
  builtFiles: 0,
  builtTables: false,
  namesComplete: false,
};
