import { expect, test, type Page } from '@playwright/test';
import type { WorkerStatus } from '../src/worker/protocol';

// The build analyses every story's names and ships them beside the packs
// (`seeds-packs/names-<n>-<hash>.gz`): a cold visit shows them without the browser analysing
// anything, and a visit that does not get them analyses in the browser as before.

const STORY = '/story/002_54c47fb4e1efd86c';
const MODEL = /\/assets\/ner-model\.bin-[^/]*\.gz$/u;
const NAMES = /\/seeds-packs\/names-[^/]*\.gz$/u;

// page.route cannot see requests a service worker answers: keep the PWA out of these.
test.use({ serviceWorkers: 'block' });

/** The worker's status, through the `?bench` hook (src/app/bench-hooks.ts). */
const status = (page: Page) =>
  page.evaluate(() =>
    (window as { __dispatchBench?: { status: () => WorkerStatus } }).__dispatchBench!.status(),
  );

test('a cold visit shows the build’s names, the library filter and related stories with the entity model held back', async ({
  page,
}) => {
  let modelAsked = false;
  await page.route(MODEL, () => {
    modelAsked = true; // left unanswered: nothing can be analysed in the browser
  });
  await page.goto(`${STORY}?bench`);
  await expect(
    page.locator('mark[data-entity-id="person/vladimir-putin"]').first(),
  ).toHaveAccessibleName('Vladimir Putin, person');
  await expect(
    page
      .getByRole('complementary', { name: /Related/u })
      .getByRole('link')
      .first(),
  ).toBeVisible();
  // Every file's analyses came from the build: none was analysed here.
  await expect.poll(async () => (await status(page)).builtFiles).toBe(3);
  expect(await status(page)).toMatchObject({ cachedFiles: 0, entitiesReady: true });

  await page.goto('/?entity=person/vladimir-putin&bench');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(3);
  expect(modelAsked).toBe(false);
});

test('when the build’s names do not arrive, the browser analyses the stories itself', async ({
  page,
}) => {
  let modelAsked = false;
  await page.route(NAMES, (route) => route.abort());
  await page.route(MODEL, (route) => {
    modelAsked = true;
    return route.continue();
  });
  await page.goto(`${STORY}?bench`);
  await expect(
    page.locator('mark[data-entity-id="person/vladimir-putin"]').first(),
  ).toHaveAccessibleName('Vladimir Putin, person');
  await expect.poll(async () => (await status(page)).entitiesReady).toBe(true);
  // The build's tables (not held back here) can make the table ready before the browser's own
  // analyses are done, so every story is waited for, all of them analysed here, none by the build.
  await expect
    .poll(async () => {
      const { builtFiles, analysed } = await status(page);
      return { builtFiles, analysed };
    })
    .toEqual({ builtFiles: 0, analysed: 15 });
  expect(modelAsked).toBe(true);
});
