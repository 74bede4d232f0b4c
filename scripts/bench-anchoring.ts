/**
 * Re-anchoring on real text: highlights taken at random places of the BBC folder's stories
 * (sentence-sized quotes, as readers make them), then placed again in three versions of each
 * story: unchanged, edited around the quote (a paragraph added before it, words changed near it)
 * and edited inside it (one word replaced). Prints how many land exactly, approximately, or are
 * orphaned, whether they landed on the right words, and the time per highlight.
 * Seeded, so runs compare. Usage: npm run bench:anchoring [-- <count>]
 */
import { anchorQuote } from '../src/corpus/notebook/anchor';
import { describeRange } from '../src/corpus/notebook/selectors';
import { storyText } from '../src/corpus/notebook/story-text';
import { BBC_DIR, loadFolder } from './lib/corpora';

const COUNT = Number(process.argv[2] ?? 2000);
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const stories = loadFolder(BBC_DIR).stories.filter((s) => s.paragraphs.length > 2);
type Case = 'unchanged' | 'edited around' | 'edited inside';
const tally = new Map<
  Case,
  { exact: number; fuzzy: number; orphan: number; wrong: number; ms: number }
>();

for (let i = 0; i < COUNT; i++) {
  const story = stories[Math.floor(rand() * stories.length)]!;
  const { text } = storyText(story.paragraphs);
  const len = 20 + Math.floor(rand() * 160);
  const start = Math.floor(rand() * Math.max(1, text.length - len));
  const s = describeRange(text, start, start + len);
  if (!s) continue;
  const { start: a, end: b } = s.position;
  const words = s.quote.exact.split(' ');
  const w = Math.floor(words.length / 2);
  const inside =
    words.length > 3 ? [...words.slice(0, w), 'REPLACED', ...words.slice(w + 1)].join(' ') : null;
  const versions: [Case, string, string | null][] = [
    ['unchanged', text, s.quote.exact],
    [
      'edited around',
      `An editor’s note.\n\n${text.slice(0, Math.max(0, a - 40))}[edit]${text.slice(Math.max(0, a - 40), a)}${s.quote.exact}${text.slice(b, b + 5)} added ${text.slice(b + 5)}`,
      s.quote.exact,
    ],
  ];
  if (inside) versions.push(['edited inside', text.slice(0, a) + inside + text.slice(b), inside]);
  for (const [name, version, expected] of versions) {
    const t = tally.get(name) ?? { exact: 0, fuzzy: 0, orphan: 0, wrong: 0, ms: 0 };
    const t0 = performance.now();
    const r = anchorQuote(version, s.quote, s.position);
    t.ms += performance.now() - t0;
    t[r.status]++;
    if (r.status !== 'orphan' && version.slice(r.start, r.end) !== expected) t.wrong++;
    tally.set(name, t);
  }
}

console.log(`${COUNT} highlights on ${stories.length} BBC stories`);
for (const [name, t] of tally) {
  const n = t.exact + t.fuzzy + t.orphan;
  console.log(
    `${name.padEnd(14)} exact ${t.exact}  fuzzy ${t.fuzzy}  orphan ${t.orphan}  not on the expected words ${t.wrong}  ${((t.ms / n) * 1000).toFixed(0)} µs/highlight`,
  );
}
