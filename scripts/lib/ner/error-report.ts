/**
 * The model card's error analysis: a confusion table of span types and the most frequent kinds
 * of error, with examples, from exact character spans against gold with offsets (conll-dev).
 */
import type { FileMentions, Gold, GoldType } from './reader-eval';
import { GOLD_TYPE } from './reader-eval';

interface Span {
  start: number;
  end: number;
  type: GoldType | 'O';
  text: string;
}

const TYPES: (GoldType | 'O')[] = ['PER', 'LOC', 'ORG', 'MISC', 'O'];

export function errorReport(files: FileMentions[], gold: Gold, examples = 3): string {
  // confusion[gold][pred]: exact spans; 'O' row = spurious, 'O' column = missed or mis-cut.
  const confusion = new Map<string, number>();
  const kinds = new Map<string, { count: number; examples: string[] }>();
  const bump = (kind: string, example: string): void => {
    const k = kinds.get(kind) ?? { count: 0, examples: [] };
    k.count++;
    if (k.examples.length < examples) k.examples.push(example);
    kinds.set(kind, k);
  };
  const cell = (g: string, p: string): void => {
    confusion.set(`${g}>${p}`, (confusion.get(`${g}>${p}`) ?? 0) + 1);
  };
  for (const { doc, mentions } of files) {
    const golds: Span[] = (gold[doc] ?? []).map((g) => ({
      start: g.start!,
      end: g.end!,
      type: g.type,
      text: g.text,
    }));
    const preds: Span[] = mentions.map((m) => ({
      start: m.fileStart,
      end: m.fileStart + m.text.length,
      type: GOLD_TYPE[m.type],
      text: m.text,
    }));
    const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
    for (const g of golds) {
      const exact = preds.find((p) => p.start === g.start && p.end === g.end);
      if (exact) {
        cell(g.type, exact.type);
        if (exact.type !== g.type && g.type !== 'MISC')
          bump(`type ${g.type} → ${exact.type}`, g.text);
        else if (g.type === 'MISC') bump(`MISC tagged ${exact.type}`, g.text);
        continue;
      }
      const over = preds.filter((p) => overlaps(p, g));
      cell(g.type, 'O');
      if (g.type === 'MISC') continue;
      if (!over.length) bump(`missed ${g.type}`, g.text);
      else {
        const p = over[0]!;
        const longer = p.start <= g.start && p.end >= g.end;
        const kind = longer
          ? 'too long'
          : p.start >= g.start && p.end <= g.end
            ? 'too short'
            : 'shifted';
        const typed = p.type === g.type ? '' : ` and typed ${p.type}`;
        bump(
          `boundary ${kind} (${g.type}${typed})`,
          `${g.text} ⟶ ${over.map((x) => x.text).join(' | ')}`,
        );
      }
    }
    for (const p of preds) {
      if (golds.some((g) => overlaps(p, g))) continue;
      cell('O', p.type);
      bump(`spurious ${p.type}`, p.text);
    }
  }
  const head = ['gold \\ tagged', ...TYPES.map((t) => (t === 'O' ? 'none' : t))];
  const rows = TYPES.map((g) => [
    g === 'O' ? 'none' : g,
    ...TYPES.map((p) => String(g === 'O' && p === 'O' ? '' : (confusion.get(`${g}>${p}`) ?? 0))),
  ]);
  const table = [head, ...rows].map((r) => `| ${r.join(' | ')} |`);
  table.splice(1, 0, `|${' --- |'.repeat(head.length)}`);
  const top = [...kinds.entries()]
    .filter(([k]) => !k.startsWith('MISC tagged'))
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 10)
    .map(
      ([k, v], i) => `${i + 1}. ${k}: ${v.count} (${v.examples.map((e) => `"${e}"`).join(', ')})`,
    );
  return [
    'Confusion of exact spans (rows gold, columns tagged; "none": no span with those exact bounds):',
    ...table,
    '',
    'Most frequent errors (MISC gold excluded):',
    ...top,
  ].join('\n');
}
