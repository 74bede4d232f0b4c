import { sentenceAround } from '../sentences';
import type { Story } from '../types';

/** A dated moment a story mentions: "on 12 January", "in March 2004", "1996-08-30". */
export interface TimelineEntry {
  storyId: string;
  paragraph: number;
  /** The date as written. */
  when: string;
  /** year·10000 + month·100 + day, unknown parts 0; comparable across stories. */
  sortKey: number;
  /** The sentence around the date. */
  text: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;
// "12 January 2005", "January 12, 2005", "January 2005", "12 January", "January 12", ISO dates.
const DATE = new RegExp(
  `\\b(?:(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}(?:,? (\\d{4}))?|${MONTH} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?|${MONTH} (\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))\\b`,
  'gu',
);

/**
 * Dates the stories of a thread give, in date order (entries without a year sort by month and
 * day among themselves, after dated ones of the same month being unknowable): the thread page's
 * merged timeline. "May" alone is never a date (it is a verb), nor a bare year.
 */
export function timeline(stories: readonly Story[], limit = 40): TimelineEntry[] {
  return mergeTimeline(stories.flatMap(storyDates), limit);
}

/**
 * One story's dates in text order, each with its sentence: what `timeline` reads of the text. A
 * thread's timeline is `mergeTimeline` of its stories' dates, so the build can take them while
 * the text is at hand and let the text go before the threads exist (vite/tables-thread.ts).
 */
export function storyDates(story: Story): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  story.paragraphs.forEach((text, paragraph) => {
    DATE.lastIndex = 0;
    for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
      const key = sortKeyOf(m);
      if (key === null) continue;
      const s = sentenceAround(text, m.index, m.index + m[0].length);
      out.push({
        storyId: story.id,
        paragraph,
        when: m[0],
        sortKey: key,
        text: text.slice(s.start, s.end).trim(),
      });
    }
  });
  return out;
}

/** The timeline of stories' dates (`storyDates`, the stories' in thread order, concatenated). */
export function mergeTimeline(dates: readonly TimelineEntry[], limit = 40): TimelineEntry[] {
  // One entry per sentence: a sentence with two dates is listed at the first.
  const seen = new Set<string>();
  const unique = dates.filter((e) => {
    const k = `${e.storyId}:${e.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort((a, b) => a.sortKey - b.sortKey).slice(0, limit);
}

function sortKeyOf(m: RegExpExecArray): number | null {
  const month = (name: string | undefined): number =>
    name ? MONTHS.indexOf(name.toLowerCase()) + 1 : 0;
  const num = (s: string | undefined): number => (s ? Number(s) : 0);
  let y = 0;
  let mo = 0;
  let d = 0;
  if (m[2]) [d, mo, y] = [num(m[1]), month(m[2]), num(m[3])];
  else if (m[4]) [mo, d, y] = [month(m[4]), num(m[5]), num(m[6])];
  else if (m[7]) [mo, y] = [month(m[7]), num(m[8])];
  else [y, mo, d] = [num(m[9]), num(m[10]), num(m[11])];
  if (mo < 1 || mo > 12 || d > 31 || (y && (y < 1900 || y > 2100))) return null;
  return y * 10000 + mo * 100 + d;
}
