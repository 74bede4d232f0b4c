import path from 'node:path';
import { ROOT } from '../corpora';

/** CoNLL-2003 in column form (read by path, never copied into the repo). */
export const CONLL_TRAIN = path.resolve(ROOT, '../shared/corpora/conll-train/eng.train');
export const CONLL_DEV = path.resolve(ROOT, '../shared/corpora/conll-train/eng.testa');

/** The committed model file the worker and the scripts load. */
export const MODEL_FILE = path.join(ROOT, 'src/corpus/entities/model/ner-model.bin.gz');
export const MODEL_VERSION_FILE = path.join(ROOT, 'src/corpus/entities/model/model-version.ts');
