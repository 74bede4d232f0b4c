import { isGzip } from '../corpus/entities/model/load-model';

/**
 * The build's gzip files (names and tables packs, the entity model) as bytes. Hosts that send
 * `Content-Encoding: gzip` hand them over inflated already, which the magic number tells apart.
 * The bytes go into the stream as one chunk, so they are inflated in one task. Read from a Blob's
 * stream they came in 64 KB chunks, a task each, and in the busy worker each waited for a slice
 * of background work: the 10k folder's tables pack (1.2 MB) took ~250–450 ms to inflate on a cold
 * visit; alone on a page, with 12 ms tasks running beside it, 250 against 50–75 ms.
 * IMPORTANT: runs inside the worker (on the main thread one task of inflating could be long).
 */
export async function inflated(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (!isGzip(bytes)) return bytes;
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const [out] = await Promise.all([
    new Response(stream.readable).arrayBuffer(),
    writer.write(bytes),
    writer.close(),
  ]);
  return new Uint8Array(out);
}
