import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import type { WorkerStatus } from '../src/worker/protocol';

// The build also ships the folder-wide tables (`seeds-packs/tables-<hash>.gz`): the entity
// table, every story's related list with its reasons, and the threads. A cold visit answers
// from them; tables made for another folder are left aside and the worker builds its own.

const PUTIN = '/story/000_359807c817cdce2f';
/** A brief related to another by shared names (Taiwan, China, US) and words. */
const BRIEF = '/story/000_359807c817cdce2f~2';
const TABLES = /\/seeds-packs\/tables-[^/]*\.gz$/u;

// page.route cannot see requests a service worker answers: keep the PWA out of these.
test.use({ serviceWorkers: 'block' });

/** The worker's status, through the `?bench` hook (src/app/bench-hooks.ts). */
const status = (page: Page) =>
  page.evaluate(() =>
    (window as { __dispatchBench?: { status: () => WorkerStatus } }).__dispatchBench!.status(),
  );

/** Everything the tables feed, whoever made them. */
async function journey(page: Page) {
  await page.goto(`${BRIEF}?bench`);
  const related = page.getByRole('complementary', { name: 'Related stories' });
  await expect(related.getByRole('listitem').first()).toContainText('Why: Taiwan · China · US');

  await page.goto(`${PUTIN}?bench`);
  const thread = page.getByRole('region', { name: 'In this thread' });
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread.getByRole('link', { name: /ready to greet/u })).toBeVisible();
  await expect(related.getByText('No closely related stories.')).toBeVisible();

  await page.goto('/?entity=person/vladimir-putin&bench');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(3);

  await page.goto('/entity/person/vladimir-putin?bench');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Putin');
  await expect.poll(async () => (await status(page)).namesComplete).toBe(true);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('putin');
  const names = page
    .getByRole('listbox', { name: 'Search results' })
    .getByRole('group', { name: 'People, places and organizations' });
  await expect(names.getByRole('option', { name: /Vladimir Putin/u })).toBeVisible();
}

test('tables made for another folder are left aside: the worker builds its own', async ({
  page,
}) => {
  await page.route(TABLES, async (route) => {
    const res = await route.fetch();
    let body = await res.body();
    // The host may have sent it inflated already (Content-Encoding: gzip).
    if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
    const pack = JSON.parse(body.toString()) as { fingerprint: string };
    pack.fingerprint = 'another-folder';
    await route.fulfill({
      status: 200,
      contentType: 'application/gzip',
      body: gzipSync(JSON.stringify(pack)),
    });
  });
  await journey(page);
  expect(await status(page)).toMatchObject({ builtTables: false, relatedReady: true });
});

test('without the tables (a failed download) the worker builds its own', async ({ page }) => {
  await page.route(TABLES, (route) => route.abort());
  await journey(page);
  expect(await status(page)).toMatchObject({ builtTables: false, relatedReady: true });
});

test('before the folder is read, the build’s tables give related stories with reasons and final counts', async ({
  page,
}) => {
  // Files one by one (no packs) and the last one held back, as in library-counts.spec.ts: the
  // worker cannot build the tables itself, so whatever it shows of them is the build's.
  await page.route('**/seeds-manifest.json', async (route) => {
    const manifest = await (await route.fetch()).json();
    delete manifest.packs;
    await route.fulfill({ json: manifest });
  });
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/seeds/003_94fd4063dbc03a91.txt', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${BRIEF}?bench`);
  const related = page.getByRole('complementary', { name: 'Related stories' });
  await expect(related.getByRole('listitem').first()).toContainText('Why: Taiwan · China · US');
  await page.getByRole('link', { name: 'Dispatch' }).click();
  const final = page.getByRole('group', { name: 'Most named', exact: true });
  const kim = final.getByRole('button', { name: /^Kim Jong-un \d+ stories, person: add filter$/u });
  await expect(kim).toBeVisible();
  const before = await kim.getAttribute('aria-label');
  const early = await status(page);
  expect(early).toMatchObject({ builtTables: true, namesComplete: false });
  expect(early.files).toBeLessThan(3);

  // The rest of the folder: nothing changes in the counts, and the rest of the journey works.
  release();
  await expect.poll(async () => (await status(page)).namesComplete).toBe(true);
  await expect(kim).toHaveAttribute('aria-label', before!);
  expect(await status(page)).toMatchObject({ builtTables: true });
  await journey(page);
});
