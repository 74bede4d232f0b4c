import modelUrl from '../corpus/entities/model/ner-model.bin.gz?url';
import { isGzip, taggerFromBytes } from '../corpus/entities/model/load-model';
import { MODEL_VERSION } from '../corpus/entities/model/model-version';
import type { Tagger } from '../corpus/entities/model/tagger';

/**
 * The entity model in the worker: fetched once, at worker start, so that it is in by the time
 * the opened story asks for its names. The one module that loads the NER engine in the browser.
 * IMPORTANT: runs inside the worker; never import it from the main thread (the model is ~1.3 MB
 * and stays out of the initial JS).
 */
let loading: Promise<Tagger> | null = null;

export function loadTagger(): Promise<Tagger> {
  loading ??= fetchTagger().catch((err: unknown) => {
    loading = null; // a failed download is tried again by the next request
    throw err;
  });
  return loading;
}

async function fetchTagger(): Promise<Tagger> {
  const res = await fetch(modelUrl);
  if (!res.ok) throw new Error(`entity model: HTTP ${res.status}`);
  const stored = new Uint8Array(await res.arrayBuffer());
  // Hosts that send Content-Encoding: gzip hand the bytes over inflated already.
  if (!isGzip(stored)) return taggerFromBytes(stored, MODEL_VERSION);
  const stream = new Blob([stored]).stream().pipeThrough(new DecompressionStream('gzip'));
  return taggerFromBytes(new Uint8Array(await new Response(stream).arrayBuffer()), MODEL_VERSION);
}
