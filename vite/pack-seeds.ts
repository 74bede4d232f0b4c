import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Manifest, ManifestPack } from '../src/corpus/types.ts';
import { readSeedFile, type SeedFile } from './read-seed-file.ts';

/** Raw bytes per pack: a few packs load in parallel; each stays small enough to parse in slices. */
export const PACK_BYTES = 2 * 1024 * 1024;
/**
 * Raw bytes of the first pack: the library's first screen comes from it, so it is small enough
 * to arrive and be read at once (BBC: ~25 files), where a 2 MB first pack (0.8 MB gzip) had to
 * be downloaded and inflated whole before the first row (~0.2 s on a busy machine).
 */
export const FIRST_PACK_BYTES = 48 * 1024;

export interface BuiltPack {
  info: ManifestPack;
  data: Buffer;
}

/**
 * Packs the folder's files, in manifest order, into gzip bundles of about PACK_BYTES raw bytes.
 * Bytes are kept exactly (not re-encoded), so the app decodes a packed file as it would the file.
 */
export async function packSeeds(
  manifest: Manifest,
  sources: Map<string, SeedFile>,
  dir = 'seeds-packs',
): Promise<BuiltPack[]> {
  const packs: BuiltPack[] = [];
  let parts: Buffer[] = [];
  let files: ManifestPack['files'] = [];
  let offset = 0;
  const flush = () => {
    if (files.length === 0) return;
    const data = gzipSync(Buffer.concat(parts), { level: 9 });
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
    packs.push({
      info: { url: `${dir}/${packs.length}-${hash}.gz`, size: data.length, files },
      data,
    });
    parts = [];
    files = [];
    offset = 0;
  };
  for (const f of manifest.files) {
    const source = sources.get(f.path);
    if (!source) continue;
    const bytes = await readSeedFile(source);
    const limit = packs.length === 0 ? FIRST_PACK_BYTES : PACK_BYTES;
    if (offset > 0 && offset + bytes.length > limit) flush();
    parts.push(bytes);
    files.push({ id: f.id, offset, length: bytes.length });
    offset += bytes.length;
  }
  flush();
  return packs;
}
