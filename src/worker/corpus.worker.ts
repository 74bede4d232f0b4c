/// <reference lib="webworker" />
// IMPORTANT: this module is the entry of a separate worker chunk; it must not import anything
// that touches the DOM or React. It is a thin switch over CorpusEngine and its queries.
import { highlightQuery } from '../corpus/search/highlight';
import { parseQuery } from '../corpus/search/query-parser';
import { search } from '../corpus/search/search';
import { CorpusEngine } from './corpus-engine';
import { FolderLoader } from './folder-loader';
import { loadTagger, prefetchModel } from './entity-model';
import { threadList, threadOf, threadPage } from './thread-queries';
import { entityPage, filterStories, storyEntities, summary } from './engine-queries';
import { SearchSources } from './search-sources';
import { relatedView } from './related-queries';
import type { Request, RequestMessage, ResponseMessage, WorkerEvent } from './protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (m: WorkerEvent) => self.postMessage(m);
const engine = new CorpusEngine((status) => post(status), loadTagger);
engine.prefetchCache();
/** How long a search waits for the cached index to be taken or refused, at most (ms). */
const SEARCH_WAITS_FOR_CACHE_MS = 1000;
/**
 * Where a search is answered: the worker's own index once it covers the folder, the build's
 * search chunks until then (search-sources.ts).
 */
const sources = new SearchSources(
  {
    // While a warm reload's index builds its names lookup (~50-90 ms on BBC, and the first
    // search would build it itself), stories answer alone; the names join at `searchWarm`.
    search: async (query, limit) =>
      search(engine.search, query, { limit, namesIfReady: !engine.searching.warm }),
    expandedTerms: async (q) => search(engine.search, q, { limit: 1 }).expandedTerms,
  },
  () => (engine.searching.complete ? 'whole' : engine.search.docs.length ? 'part' : 'none'),
);
/** Whether the build shipped the folder's analyses (the names message comes before any file). */
let namesOffered = false;
/** The folder's files: fetched, parsed and kept here; the page gets their listing rows. */
const loader = new FolderLoader({
  sync: (entries, total, keep, fingerprint) =>
    void engine.syncFiles(entries, total, keep, fingerprint).catch(() => undefined),
  held: (fileId) => engine.heldFile(fileId),
  heldIds: () => engine.heldFileIds(),
  whenCacheChecked: (maxMs) => engine.whenCacheChecked(maxMs),
  whenSettled: (maxMs) => engine.whenSettled(maxMs),
  emit: post,
});

async function handle(req: Request): Promise<unknown> {
  switch (req.type) {
    case 'load-folder':
      // Without the build's analyses, the model (1.25 MB) downloads while the folder does; it is
      // decoded when a story first needs it. With them, only a file they miss asks for it.
      if (!namesOffered) prefetchModel().catch(() => undefined);
      await loader.loadOrReport(req);
      return null;
    case 'painted':
      loader.painted();
      return null;
    case 'file': {
      const held = engine.heldFile(req.fileId);
      return held?.hash === req.hash ? held.file : null;
    }
    case 'names':
      namesOffered = true;
      engine.offerNames(req.packs, req.afterSearch);
      return null;
    case 'tables':
      if (req.prefetch) engine.prefetchTables(req.tables);
      else engine.offerTables(req.tables);
      return null;
    case 'folder-hint':
      engine.folderHint(req.fingerprint);
      if (req.warm) loader.preload(req.fingerprint);
      return null;
    case 'chunks':
      sources.offer(req.chunks);
      return null;
    case 'story-entities': {
      const story = engine.stories.get(req.story.id) ?? req.story;
      // Analysed already, or by the build: no need to wait for the model (~1.3 MB, 0.2 s).
      if (!(await engine.takeBuiltStory(story, req.hash))) engine.setTagger(await loadTagger());
      return storyEntities(engine, story);
    }
    case 'search':
      // Not from the empty index while the last visit's is waiting for the folder's fingerprint.
      await engine.searching.whenDecided(SEARCH_WAITS_FOR_CACHE_MS);
      // A `person:` filter needs the entities themselves: a cached index gets them now.
      if (parseQuery(req.query).filters.some((f) => f.field !== 'section'))
        engine.searching.namesNow();
      try {
        return await sources.search(req.query, req.limit ?? 20);
      } finally {
        engine.searching.searched();
      }
    case 'related':
      return relatedView(engine, req.storyId);
    case 'entity':
      return entityPage(engine, req.entityId);
    case 'entity-list':
      return req.ids.map((eid) => summary(engine, eid));
    case 'filter-stories':
      return filterStories(engine, req.entityIds);
    // The build's threads can be there before the stories they list: wait for their titles.
    case 'thread-of':
      await engine.whenLoaded();
      return threadOf(engine, req.storyId);
    case 'threads':
      await engine.whenLoaded();
      return threadList(engine);
    case 'thread':
      await engine.whenLoaded();
      return threadPage(engine, req.threadId);
    case 'search-paragraphs':
      return sources.paragraphs(req.query, req.stories, req.perStory);
    case 'story-hits': {
      // The search's own expansions (typos, prefixes) decide what is marked, so the reader marks
      // exactly what made the story match.
      const q = parseQuery(req.query);
      const expanded = await sources.expandedTerms(q);
      return req.story.paragraphs.map((p) => highlightQuery(p, q, expanded));
    }
  }
}

// Every request is answered as it comes, searches included: a keystroke's search costs a few ms.
// (Searches used to wait a task so a newer keystroke could drop them; the files messages queued
// meanwhile then went first, ~0.1 s each, and a warm reload's first search waited ~0.7 s.)
self.onmessage = (e: MessageEvent<RequestMessage>) => {
  const msg = e.data;
  void handle(msg).then(
    (value) => post({ id: msg.id, ok: true, value } satisfies ResponseMessage),
    (err: unknown) =>
      post({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
};
