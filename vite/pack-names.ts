import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { packAnalyses } from '../src/corpus/entities/analysis-codec.ts';
import type { Manifest } from '../src/corpus/types';
import type { CachedCode } from './analysis-cache';
import type { BuiltPack } from './pack-seeds';

export interface BuiltNames {
  url: string;
  data: Buffer;
}

/**
 * Beside each text pack, the build's analyses of its files (`<dir>/names-<n>-<hash>.gz`), and
 * the pack's `names` entry that points at them. One names pack per text pack: the worker reads
 * a file's analyses when its pack's text arrives, and a deep link waits for one small pack.
 */
export function packNames(
  packs: BuiltPack[],
  manifest: Manifest,
  codes: ReadonlyMap<string, CachedCode>,
  dir = 'seeds-packs',
): BuiltNames[] {
  const hashOf = new Map(manifest.files.map((f) => [f.id, f.hash]));
  const out: BuiltNames[] = [];
  packs.forEach((p, n) => {
    const files = p.info.files.map((f) => {
      const hash = hashOf.get(f.id);
      const code = hash === undefined ? null : codes.get(hash);
      return code && hash !== undefined ? { hash, code } : null;
    });
    if (files.every((f) => f === null)) return;
    const data = gzipSync(JSON.stringify(packAnalyses(files)), { level: 9 });
    const hash = createHash('sha256').update(data).digest('hex').slice(0, 10);
    const url = `${dir}/names-${n}-${hash}.gz`;
    p.info.names = { url, size: data.length };
    out.push({ url, data });
  });
  return out;
}
