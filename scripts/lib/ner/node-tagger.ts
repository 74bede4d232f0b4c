/**
 * The committed entity model, loaded once per Node process (evals, benches, unit tests).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { hashBytes } from '../../../src/corpus/entities/model/hash';
import { isGzip, taggerFromBytes } from '../../../src/corpus/entities/model/load-model';
import type { Tagger } from '../../../src/corpus/entities/model/tagger';
import { MODEL_FILE } from './paths';

let cached: Tagger | null = null;

export function nodeTagger(file = MODEL_FILE): Tagger {
  if (cached && file === MODEL_FILE) return cached;
  const stored = new Uint8Array(readFileSync(file));
  const inflated = isGzip(stored) ? new Uint8Array(gunzipSync(stored)) : stored;
  const tagger = taggerFromBytes(inflated, hashBytes(stored));
  if (file === MODEL_FILE) cached = tagger;
  return tagger;
}
