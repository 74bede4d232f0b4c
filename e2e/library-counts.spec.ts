import { expect, test, type Route } from '@playwright/test';
import { KIM, openStory } from './support/reader';

/**
 * The library's "Most named" counts grow while the folder's names are analysed. They say so,
 * on screen and to screen readers, until the worker reports the entity table final.
 */

// page.route cannot see what a service worker answers.
test.use({ serviceWorkers: 'block' });

test('"Most named" says it is still counting until the analysis is final', async ({ page }) => {
  // The folder's last file is held back: every file is fetched on its own (no packs), and the
  // entity table, which waits for the whole folder, cannot be built until the test lets it in.
  // Without the build's tables too (as under `npm run dev`): with them, the counts are final
  // from the start (e2e/prebuilt-tables.spec.ts).
  await page.route('**/seeds-manifest.json', async (route) => {
    const manifest = await (await route.fetch()).json();
    delete manifest.packs;
    delete manifest.tables;
    await route.fulfill({ json: manifest });
  });
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/seeds/003_94fd4063dbc03a91.txt', async (route: Route) => {
    await held;
    await route.continue();
  });

  // The opened story is analysed at once, so the library has a first, partial count.
  await openStory(page, KIM);
  await expect(page.locator('mark[data-entity-id]').first()).toBeVisible();
  await page.getByRole('link', { name: 'Dispatch' }).click();

  const counting = page.getByRole('group', { name: 'Most named, still counting' });
  await expect(counting).toBeVisible();
  await expect(counting.getByText('(counting…)')).toBeVisible();
  const chip = counting.getByRole('button', {
    name: /^Kim Jong-un \d+ stor(y|ies) so far, person/u,
  });
  await expect(chip).toBeVisible();
  await expect(chip.locator('.tabular-nums')).toHaveCSS('font-style', 'italic');

  release();
  const final = page.getByRole('group', { name: 'Most named', exact: true });
  await expect(final).toBeVisible({ timeout: 20_000 });
  await expect(final.getByText('(counting…)')).toHaveCount(0);
  const done = final.getByRole('button', {
    name: /^Kim Jong-un \d+ stories, person: add filter$/u,
  });
  await expect(done).toBeVisible();
  await expect(done.locator('.tabular-nums')).toHaveCSS('font-style', 'normal');
});
