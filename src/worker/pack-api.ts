import type { ManifestPack } from '../corpus/types';

const BASE = import.meta.env.BASE_URL;

/**
 * A pack's bytes as served (gzip, or inflated by the host). Packs are gzip files of the folder's
 * files; downloading and reading are apart: inflating runs on the worker's thread (~20–50 ms for 2 MB),
 * so callers download ahead and inflate a pack when they reach it.
 */
export async function downloadPack(
  pack: ManifestPack,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  const res = await fetch(`${BASE}${pack.url}`, { signal });
  if (!res.ok) throw new Error(`pack ${pack.url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * Each file's bytes of a downloaded pack. Hosts that add `Content-Encoding: gzip` hand the bytes
 * over inflated already, which the magic number tells apart.
 */
export async function unpack(
  pack: ManifestPack,
  downloaded: Uint8Array<ArrayBuffer>,
): Promise<Map<string, Uint8Array>> {
  let bytes = downloaded;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const out = new Map<string, Uint8Array>();
  for (const f of pack.files) {
    if (f.offset + f.length > bytes.length) throw new Error(`pack ${pack.url} is truncated`);
    out.set(f.id, bytes.subarray(f.offset, f.offset + f.length));
  }
  return out;
}
