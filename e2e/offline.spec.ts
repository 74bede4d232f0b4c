import { expect, test } from '@playwright/test';
import { searchIndexStored } from './support/search-cache';

// After one visit the app shell is precached by the service worker, the article files and the
// manifest are in its runtime cache, and parsed files and the search index are in IndexedDB:
// the library, every story and search must then work with the network off.
test('after one visit, the library, a story and search work offline', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(15);
  // Wait until the service worker controls the page and background analysis has finished
  // (the header's progress indicator disappears), so the caches are written.
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await expect(page.getByRole('banner').getByRole('status')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForFunction(
    () => performance.getEntriesByName('dispatch:entities-ready').length > 0,
  );
  // The search index is written to IndexedDB after the entity table (src/worker/search-cache.ts).
  await expect.poll(() => page.evaluate(searchIndexStored)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(15);

  await page.goto('/story/003_94fd4063dbc03a91~2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Weather and runway conditions',
  );

  await page.goto('/search?q=pyongyang');
  await expect(page.getByRole('link', { name: /Kim Jong-un promised/u }).first()).toBeVisible();
  await context.setOffline(false);
});

test('the app is installable: a web manifest with icons', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.name).toBe('Dispatch');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
});
