import { expect, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { decodeTables, type TablesPack } from '../../src/corpus/tables/tables-codec';

// What the archive journeys watch the browser fetch, and what they check its pages against.

export const LIST = /\/archive\/list-(\d+)-[0-9a-f]+\.json$/u;
export const SIDE = /\/archive\/side-\d+-[0-9a-f]+\.json$/u;
export const ENTITY = /\/archive\/entity-\d+-[0-9a-f]+\.json$/u;
export const FILTER = /\/archive\/filter-\d+-[0-9a-f]+\.json$/u;
export const THREAD = /\/archive\/thread-\d+-[0-9a-f]+\.json$/u;
/** What a whole-folder visit downloads and an archive must not. */
export const WHOLE_FOLDER = [/\/seeds-packs\//u, /ner-model/u, /corpus\.worker/u];

/** Every path the page asks for, as it goes (a service worker's answers are not seen). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(new URL(r.url()).pathname));
  return urls;
}

/** Nothing of the whole folder was fetched: no packs, model or worker, no text but `ownFile`. */
export function expectNoWholeFolder(urls: string[], ownFile?: string) {
  for (const pattern of WHOLE_FOLDER) expect(urls.filter((u) => pattern.test(u))).toEqual([]);
  const texts = urls.filter((u) => u.startsWith('/seeds/'));
  expect(texts).toEqual(ownFile ? [`/seeds/${ownFile}.txt`] : []);
}

/**
 * What the build published, read apart from the files a journey checks: the listing's stories
 * in order, with their titles (its pages), and the folder's decoded tables pack, which the
 * archive's groups are made from but its browser never downloads.
 */
export async function readPublished(request: APIRequestContext) {
  const manifest = (await (await request.get('/seeds-manifest.json')).json()) as {
    tables: { url: string };
    archive: { dir: string; pages: string[] };
  };
  const listing: { id: string; title: string }[] = [];
  for (const [n, hash] of manifest.archive.pages.entries()) {
    const page = (await (
      await request.get(`/${manifest.archive.dir}/list-${n}-${hash}.json`)
    ).json()) as { rows: [string, 0 | 1, string | null, string | null, string][] };
    for (const [id, , , , title] of page.rows) listing.push({ id, title });
  }
  let body = await (await request.get(`/${manifest.tables.url}`)).body();
  // The host may have sent it inflated already (Content-Encoding: gzip).
  if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
  const pack = JSON.parse(body.toString()) as TablesPack;
  return { listing, tables: decodeTables(pack, pack.fingerprint)! };
}

/** A thread's stories with copies of one story listed once, at the first (worker/thread-queries.ts). */
export function onceEachCopy(
  tables: Awaited<ReturnType<typeof readPublished>>['tables'],
  storyIds: readonly string[],
): string[] {
  const groups = new Set<number>();
  return storyIds.filter((id) => {
    const g = tables.copyGroup(id) ?? -1;
    if (g < 0) return true;
    if (groups.has(g)) return false;
    groups.add(g);
    return true;
  });
}
