import { expect, type Page, type Request } from '@playwright/test';

// What the archive journeys (archive.spec.ts, filtered-archive.spec.ts) watch the browser fetch.

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
