/**
 * Scores the entity recognizer.
 *
 * Without arguments, the suite:
 * 1. CoNLL-2003 dev (eng.testa), the model alone on the gold tokens: conlleval span P/R/F1 per
 *    type (the field's standard figure), PER/LOC/ORG and with MISC.
 * 2. The conll-dev text through the reader (parse, tokenize, tag, rules): exact character spans
 *    and types against gold_spans.json.
 * 3. The set-based per-document figure (type + surface per document), for conll-dev, the seed
 *    gold and the BBC development gold.
 *
 * `--model <file>` scores another model file than the committed one; `--report` adds the confusion table and the ten most frequent kinds of error on conll-dev;
 * `--errors` lists every set-based error.
 *
 * With arguments: `npm run eval:entities -- <folder> <gold.json> [--errors]`, the set-based
 * figure (and exact spans when the gold has offsets) for any folder.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readConll } from './lib/ner/conll';
import { formatScore } from './lib/ner/conlleval';
import { nodeTagger } from './lib/ner/node-tagger';
import { passOne, spanScore } from './lib/ner/passes';
import { CONLL_DEV, CONLL_TRAIN } from './lib/ner/paths';
import { trainSurfaces, unseenScore } from './lib/ner/unseen';
import { LABELS } from '../src/corpus/entities/model/linear-model';
import {
  analyseFolder,
  exactSpanScore,
  readGold,
  setScore,
  type FileMentions,
  type Gold,
} from './lib/ner/reader-eval';
import { errorReport } from './lib/ner/error-report';
import { CONLL_DIR, ROOT, SEEDS_DIR, BBC_DIR } from './lib/corpora';
import { tagDocument } from '../src/corpus/entities/model/tagger';

const modelArg = process.argv.indexOf('--model');
const tagger = modelArg >= 0 ? nodeTagger(process.argv[modelArg + 1]) : nodeTagger();
const positional = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--model');
const showErrors = process.argv.includes('--errors');

if (positional.length >= 2) {
  const [dir, goldFile] = positional as [string, string];
  report(path.resolve(dir), readGold(goldFile), path.basename(dir), true);
} else {
  console.log(`model ${tagger.version}\n`);
  if (existsSync(CONLL_DEV)) conllTokens();
  if (existsSync(CONLL_DIR)) {
    const gold = readGold(path.join(CONLL_DIR, 'gold_spans.json'));
    const files = report(CONLL_DIR, gold, 'conll-dev', true);
    if (process.argv.includes('--report')) console.log(errorReport(files, gold, 3), '\n');
  }
  report(SEEDS_DIR, readGold(path.join(ROOT, 'fixtures/entities/seeds-gold.json')), 'seeds', true);
  if (existsSync(BBC_DIR)) {
    const gold = readGold(path.join(ROOT, 'fixtures/entities/bbc-dev-gold.json'));
    report(BBC_DIR, gold, 'BBC dev (20 articles)', true);
  }
}

function conllTokens(): void {
  const docs = readConll(CONLL_DEV);
  // The model alone, as conlleval scores taggers: gold tokens in, BIO labels out.
  const instances = passOne(docs, tagger.lexicon);
  const labels = docs.map(
    (d) =>
      tagDocument(
        tagger,
        d.sentences.map((s) => s.words),
      ).labels,
  );
  console.log('CoNLL-2003 dev (eng.testa), model on gold tokens, conlleval spans:');
  console.log(formatScore(spanScore(instances, labels, ['PER', 'LOC', 'ORG'])));
  const four = spanScore(instances, labels, ['PER', 'LOC', 'ORG', 'MISC']);
  console.log(formatScore(four).split('\n').slice(-1)[0]!.replace('ALL  ', 'ALL+MISC'), '\n');
  if (!existsSync(CONLL_TRAIN)) return;
  const seen = trainSurfaces(readConll(CONLL_TRAIN));
  console.log('the same, only names never seen in eng.train (Augenstein et al. 2017):');
  console.log(formatScore(unseenScore(docs, labels, LABELS, seen, ['PER', 'LOC', 'ORG'])), '\n');
}

function report(dir: string, gold: Gold, name: string, onlyGold: boolean): FileMentions[] {
  const files = analyseFolder(dir, tagger, onlyGold ? gold : null);
  const stories = files.reduce((n, f) => n + f.file.stories.length, 0);
  const hasOffsets = Object.values(gold).some((list) => list.some((g) => g.start !== undefined));
  if (hasOffsets) {
    console.log(`${name}: through the reader, exact character spans (${files.length} documents):`);
    console.log(formatScore(exactSpanScore(files, gold)));
  }
  const errors: string[] = [];
  console.log(`${name}: set-based per document (${files.length} documents, ${stories} stories):`);
  console.log(formatScore(setScore(files, gold, errors)), '\n');
  if (showErrors) console.log(errors.join('\n'));
  return files;
}
