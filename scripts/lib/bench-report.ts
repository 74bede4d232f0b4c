/**
 * Statistics and the markdown table of `npm run bench`: medians of the runs, targets printed as
 * ✓/✗ beside the figures (never asserted).
 */
import type { JsSizes } from './bench-build';
import { STOPWATCH_QUERY, type ColdRun, type SearchStopwatch } from './bench-browser';

export const TARGETS = {
  libraryVisibleMs: 1000,
  searchUsableMs: 2000,
  deepLinkMs: 500,
  highlightAfterPaintMs: 150,
  longTaskMs: 50,
  heapPerText: 4,
  warmSearchMs: 300,
  initialJsGzip: 100 * 1024,
};

export function pct(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Median of the non-null values (null when there are none). */
export function median(xs: (number | null | undefined)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  if (!v.length) return null;
  const s = v.sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface FolderResult {
  name: string;
  files: number;
  textBytes: number;
  buildMs: number;
  runs: ColdRun[];
  /** The user's stopwatch of search, one per run. */
  stopwatches: SearchStopwatch[];
  deepLinks: (number | null)[];
  /** Per deep link: the names' highlight after the story painted (ms). */
  deepHighlights: (number | null)[];
  deepLinkId: string;
  js: JsSizes | null;
  error?: string;
}

const ms = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : `${Math.round(x).toLocaleString('en')}`;
const mb = (b: number | null): string => (b === null ? '–' : `${(b / 1048576).toFixed(1)}`);
const kb = (b: number): string => `${(b / 1024).toFixed(1)} KiB`;
const ok = (x: number | null, max: number): string => (x === null ? ' ✗' : x <= max ? ' ✓' : ' ✗');

/** One row's cells, with the figures the table shows (medians of the runs). */
function row(r: FolderResult): string[] {
  const m = (f: (c: ColdRun) => number | null | undefined) => median(r.runs.map(f));
  const row = m((c) => c.coldRow);
  const wRow = m((c) => c.warmRow);
  const firstHit = median(r.stopwatches.map((w) => w.cold));
  const wFirstHit = median(r.stopwatches.map((w) => w.warm));
  const after = (x: number | null, typed: number | null) =>
    x === null || typed === null ? null : x - typed;
  const latency = median(r.stopwatches.map((w) => after(w.cold, w.coldTyped)));
  const wLatency = median(r.stopwatches.map((w) => after(w.warm, w.warmTyped)));
  const lib = m((c) => c.cold['library-visible']);
  const search = m((c) => c.cold['search-ready']);
  const ent = m((c) => c.cold['entities-ready']);
  const rel = m((c) => c.cold['related-ready']);
  const deep = median(r.deepLinks);
  const names = median(r.deepHighlights);
  const wLib = m((c) => c.warm['library-visible']);
  const wSearch = m((c) => c.warm['search-ready']);
  const cached = r.runs.filter((c) => c.warmFromCache).length;
  const p50 = m((c) => (c.search ? pct(c.search.rtt, 50) : null));
  const p95 = m((c) => (c.search ? pct(c.search.rtt, 95) : null));
  const wp95 = m((c) =>
    c.search
      ? pct(
          c.search.rtt.map((t) => t - c.search!.ping),
          95,
        )
      : null,
  );
  const ltCount = m((c) => c.longTasks.length);
  const ltMax = m((c) => Math.max(0, ...c.longTasks.map((t) => t.duration)));
  const hMain = m((c) => c.heapMain);
  const hWorker = m((c) => c.heapWorker);
  const heap = hMain === null ? null : hMain + (hWorker ?? 0);
  const ratio = heap === null ? null : heap / r.textBytes;
  const cells = [
    `**${r.name}**`,
    String(r.runs.length),
    r.files.toLocaleString('en'),
    `${(r.textBytes / 1048576).toFixed(2)} MiB`,
    ms(row) + ok(row, TARGETS.libraryVisibleMs),
    ms(firstHit) + ok(firstHit, TARGETS.searchUsableMs),
    ms(wRow),
    ms(wFirstHit) + ok(wFirstHit, TARGETS.warmSearchMs),
    `${ms(latency)} / ${ms(wLatency)}`,
    ms(lib),
    ms(search),
    ms(ent),
    ms(rel),
    ms(deep) + ok(deep, TARGETS.deepLinkMs),
    ms(names) + ok(names, TARGETS.highlightAfterPaintMs),
    ms(wLib),
    ms(wSearch) + (cached < r.runs.length ? ` (cache ${cached}/${r.runs.length})` : ''),
    p50 === null ? '–' : `${p50.toFixed(1)} / ${p95!.toFixed(1)}`,
    wp95 === null ? '–' : wp95.toFixed(1),
    `${ms(ltCount)} / ${ms(ltMax)}` +
      (ltCount === null ? '' : ltMax! <= TARGETS.longTaskMs ? ' ✓' : ' ✗'),
    `${mb(hMain)} + ${mb(hWorker)}`,
    ratio === null ? '–' : `${ratio.toFixed(1)}×` + ok(ratio, TARGETS.heapPerText),
    r.js ? kb(r.js.initialGzip) + ok(r.js.initialGzip, TARGETS.initialJsGzip) : '–',
    r.js ? `${kb(r.js.workerGzip)} (${kb(r.js.workerRaw)} raw)` : '–',
    r.js ? `${kb(r.js.totalGzip)} (${kb(r.js.totalRaw)} raw)` : '–',
  ];
  if (r.error) cells[4] = `error: ${r.error.split('\n')[0]!.slice(0, 80)}`;
  return cells;
}

const HEADER = [
  'folder',
  'runs',
  'files',
  'text',
  'cold: first row painted ms',
  'cold: first search result ms',
  'warm: first row painted ms',
  'warm: first search result ms',
  'typed → first result ms cold / warm',
  'cold: library-visible mark ms',
  'cold: search-ready mark ms',
  'cold: entities analysed ms',
  'cold: related ready ms',
  'deep link: story painted ms',
  'deep link: names after paint ms',
  'warm: library-visible mark ms',
  'warm: search-ready mark ms',
  'search RTT p50 / p95 ms',
  'search worker p95 ms',
  'long tasks n / max ms',
  'heap MiB main + worker',
  'heap ÷ text',
  'initial JS gzip',
  'worker JS gzip',
  'all JS gzip',
];

export function table(results: FolderResult[]): string {
  const lines = [HEADER, HEADER.map(() => '---'), ...results.map(row)];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function legend(results: FolderResult[]): string {
  const t = TARGETS;
  const out = [
    '',
    `Figures are medians of the runs (column "runs"; KiB/MiB = 1024/1048576 bytes; fresh browser context per cold run and per deep link; warm = reload in the cold run's context once its caches are written (the files hint and the search index) + 1.5 s).`,
    `The user's stopwatch, ms from navigation start: "first row painted" is the animation frame after the first library row entered the DOM; "first search result" the frame after the palette's first option did, the palette opened as soon as the header's search button is in the DOM (the page tells the bench; no polling) and “${STOPWATCH_QUERY}” typed as soon as the search box is (one input event), cold in a fresh context and warm after a reload; "typed → first result" is the part after the query's input event. The targets apply to the times from navigation start.`,
    `Marks: ms from navigation start of the app's User Timing marks dispatch:* (when the app rendered the list, when the worker's index was complete), for comparison.`,
    `Search RTT: every keystroke of a fixed query set (exact, prefix, typo, multi-word, phrase, filter, 1-letter, 40-char), awaited one by one; RTT from the main thread, worker ≈ RTT − median empty-request round trip.`,
    `Long tasks: main thread, > 50 ms, from navigation until all milestones. Heap: JSHeapUsedSize after a forced GC (CDP), main thread + corpus worker; ÷ text = (main + worker) ÷ the folder's .txt bytes (meaningless for the 3 seeds: the app's fixed ~5 MiB dominates).`,
    `Targets (✓/✗): first row painted ≤ ${t.libraryVisibleMs} ms and first search result ≤ ${t.searchUsableMs} ms cold, ≤ ${t.warmSearchMs} ms warm (set for BBC; other rows shown against the same), deep link ≤ ${t.deepLinkMs} ms, its names highlighted ≤ ${t.highlightAfterPaintMs} ms after the paint, no long task > ${t.longTaskMs} ms, heap ≤ ${t.heapPerText}× text, initial JS ≤ ${t.initialJsGzip / 1024} KB gzip.`,
  ];
  for (const r of results) {
    out.push(
      `- ${r.name}: build ${(r.buildMs / 1000).toFixed(1)} s; deep link /story/${r.deepLinkId}; ` +
        `per run — first row ${r.runs.map((c) => ms(c.coldRow)).join(', ')} ms; ` +
        `first search result cold ${r.stopwatches.map((w) => ms(w.cold)).join(', ')} ms (typed at ${r.stopwatches.map((w) => ms(w.coldTyped)).join(', ')}), warm ${r.stopwatches.map((w) => ms(w.warm)).join(', ')} ms (typed at ${r.stopwatches.map((w) => ms(w.warmTyped)).join(', ')}); ` +
        `library mark ${r.runs.map((c) => ms(c.cold['library-visible'])).join(', ')} ms; ` +
        `search ${r.runs.map((c) => ms(c.cold['search-ready'])).join(', ')} ms; ` +
        `entities ${r.runs.map((c) => ms(c.cold['entities-ready'])).join(', ')} ms; ` +
        `deep link ${r.deepLinks.map(ms).join(', ')} ms (names after paint ${r.deepHighlights.map(ms).join(', ')}); ` +
        `longest tasks ${r.runs.map((c) => ms(Math.max(0, ...c.longTasks.map((x) => x.duration)))).join(', ')} ms` +
        (r.error ? `; error: ${r.error.split('\n')[0]}` : ''),
    );
  }
  const js = results.find((r) => r.js)?.js;
  if (js) out.push(`- initial JS files: ${js.initialFiles.join(', ')}`);
  return out.join('\n');
}
