import type { ManifestPack } from '../corpus/types';

const BASE = import.meta.env.BASE_URL;

/**
 * Downloads one pack and returns each file's bytes. Packs are gzip files served as they are;
 * hosts that add `Content-Encoding: gzip` hand us the bytes already inflated, which the magic
 * number tells apart.
 */
export async function fetchPack(
  pack: ManifestPack,
  signal?: AbortSignal,
): Promise<Map<string, Uint8Array>> {
  const res = await fetch(`${BASE}${pack.url}`, { signal });
  if (!res.ok) throw new Error(`pack ${pack.url}: HTTP ${res.status}`);
  let bytes = new Uint8Array(await res.arrayBuffer());
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

/** Packs are used unless the URL says `?packs=0` (kept to measure one request per file). */
export function packsEnabled(): boolean {
  return (
    typeof location === 'undefined' || new URLSearchParams(location.search).get('packs') !== '0'
  );
}
