/**
 * FNV-1a over a folder's (id, hash) pairs: cheap, stable, and different as soon as any file is
 * added, removed or changed. Keys caches of whole-folder results (the search index).
 */
export function folderFingerprint(files: readonly { id: string; hash: string }[]): string {
  let h = 0x811c9dc5;
  for (const f of files) {
    const s = `${f.id}\u0000${f.hash}\u0001`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return `${files.length}-${h.toString(16)}`;
}
