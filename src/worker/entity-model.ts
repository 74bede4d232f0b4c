import modelUrl from '../corpus/entities/model/ner-model.bin.gz?url';
import { taggerFromBytes } from '../corpus/entities/model/load-model';
import { MODEL_VERSION } from '../corpus/entities/model/model-version';
import type { Tagger } from '../corpus/entities/model/tagger';
import { inflated } from './gunzip';

/**
 * The entity model in the worker. The one module that loads the NER engine in the browser.
 * IMPORTANT: runs inside the worker; never import it from the main thread (the model is ~1.3 MB
 * and stays out of the initial JS).
 *
 * Downloading and decoding are apart: the bytes are fetched with the folder's first files (the
 * network is free while the folder is read from the cache or the packs; not at all when the build
 * shipped the folder's analyses and none is missing), but turned into a tagger only when a
 * story needs analysing. Decoding is ~200 ms of the worker's one thread; done at start, it held
 * up the first search of every warm reload, which needs no analysis at all.
 */
let bytes: Promise<Uint8Array<ArrayBuffer>> | null = null;
let tagger: Promise<Tagger> | null = null;

/** Starts the download (once; again after a failure). */
export function prefetchModel(): Promise<Uint8Array<ArrayBuffer>> {
  bytes ??= fetchModel().catch((err: unknown) => {
    bytes = null; // a failed download is tried again by the next request
    throw err;
  });
  return bytes;
}

/** The tagger, decoded on first use from the prefetched bytes. */
export function loadTagger(): Promise<Tagger> {
  tagger ??= prefetchModel()
    .then(decode)
    .then((t) => {
      bytes = null; // decoded: the download is not needed again
      return t;
    })
    .catch((err: unknown) => {
      tagger = null;
      throw err;
    });
  return tagger;
}

async function fetchModel(): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetch(modelUrl);
  if (!res.ok) throw new Error(`entity model: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function decode(stored: Uint8Array<ArrayBuffer>): Promise<Tagger> {
  return taggerFromBytes(await inflated(stored), MODEL_VERSION);
}
