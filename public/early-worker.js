// Starts the corpus worker while the page is still being parsed, before the app's entry is even
// evaluated (React DOM alone is a ~70 ms task that a `new Worker` inside the entry waited
// behind). The build names the worker's file in <meta name="dispatch-worker">
// (vite/early-worker-plugin.ts); src/worker/client.ts adopts it, with any message it sent before.
// An archive starts no worker until a search (<meta name="dispatch-archive">). It also loads the
// locale's number format, out of the first render (below).
(function () {
  // The page's first `toLocaleString()` (counts in the status line, the library's heading, the
  // palette's "See all" row) loads the locale's number data: 13–27 ms in a fresh page at load
  // ~11, inside whichever render came first (a cold visit's 89 ms long task, traced). Done here,
  // in a task of its own while the app's scripts load, it is a few ms of no render's time.
  setTimeout(function () {
    (0).toLocaleString();
  }, 0);
  try {
    var meta = document.querySelector('meta[name="dispatch-worker"]');
    var archive = document.querySelector('meta[name="dispatch-archive"][content="1"]');
    if (!meta || archive || typeof Worker === 'undefined') return;
    var worker = new Worker(meta.getAttribute('content'), {
      type: 'module',
      name: 'dispatch-corpus',
    });
    // Which folder the build was made of: the worker takes the last visit's search index on it
    // at once, without waiting for the manifest (src/worker/search-build.ts, adoptHinted).
    // On a warm visit of the library (the folder recorded as in IndexedDB: `CACHED_FOLDER` in
    // src/data/file-cache.ts; not a story's page, `FILE_HINT_META`, which waits for its paint),
    // the worker reads the library's first screen at once (folder-loader.ts, preload).
    var folder = document.querySelector('meta[name="dispatch-folder"]');
    var warm = false;
    try {
      warm =
        localStorage.getItem('dispatch:cached-folder') !== null &&
        !document.querySelector('meta[name="dispatch-file"]');
    } catch (e) {
      /* private mode: a first visit's path */
    }
    if (folder)
      worker.postMessage({
        id: 0,
        type: 'folder-hint',
        fingerprint: folder.getAttribute('content'),
        warm: warm,
      });
    var early = { worker: worker, messages: [], error: null };
    worker.onmessage = function (e) {
      early.messages.push(e.data);
    };
    worker.onerror = function (e) {
      early.error = e.message || 'the analysis worker stopped';
    };
    window.__dispatchEarlyWorker = early;
  } catch (e) {
    /* the app creates its own */
  }
})();
