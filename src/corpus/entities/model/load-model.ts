import { decodeModel } from './model-file';
import { createTagger, type Tagger } from './tagger';

/**
 * A tagger from the model file's inflated bytes. Inflating is the caller's: Node has zlib, the
 * worker DecompressionStream. `version` names the model in cache keys (MODEL_VERSION for the
 * committed one).
 */
export function taggerFromBytes(inflated: Uint8Array, version: string): Tagger {
  return createTagger(decodeModel(inflated), version);
}

/** True when bytes are gzip (magic 1f 8b). */
export const isGzip = (b: Uint8Array): boolean => b[0] === 0x1f && b[1] === 0x8b;
