import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Manifest, ManifestFile, ManifestWarning } from '../src/corpus/types';

/**
 * Walks a seeds folder and describes it: every `.txt` file becomes an article file (a subfolder is
 * a section), everything else is ignored and named in the warnings so nothing vanishes silently.
 */
export async function scanSeeds(
  root: string,
): Promise<{ manifest: Manifest; absPaths: Map<string, string> }> {
  const files: ManifestFile[] = [];
  const warnings: ManifestWarning[] = [];
  const absPaths = new Map<string, string>();
  const ids = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      warnings.push({
        path: rel(dir) || '.',
        message: `Folder could not be read: ${(err as Error).message}`,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const relPath = rel(abs);
      if (e.isDirectory()) {
        await walk(abs);
        continue;
      }
      if (!e.name.endsWith('.txt') || e.name.startsWith('.')) {
        warnings.push({ path: relPath, message: 'Not a .txt file: ignored.' });
        continue;
      }
      const id = relPath.slice(0, -'.txt'.length);
      if (ids.has(id)) {
        warnings.push({
          path: relPath,
          message: `Another file already has the id "${id}": ignored.`,
        });
        continue;
      }
      try {
        const info = await stat(abs);
        const bytes = await readFile(abs);
        const slash = id.lastIndexOf('/');
        files.push({
          id,
          path: relPath,
          section: slash >= 0 ? id.slice(0, slash) : null,
          size: info.size,
          hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
        });
        ids.add(id);
        absPaths.set(relPath, abs);
      } catch (err) {
        warnings.push({ path: relPath, message: `Could not be read: ${(err as Error).message}` });
      }
    }
  }

  function rel(abs: string): string {
    return path.relative(root, abs).split(path.sep).join('/');
  }

  await walk(root);
  return {
    manifest: { version: 1, generatedAt: new Date().toISOString(), files, warnings },
    absPaths,
  };
}
