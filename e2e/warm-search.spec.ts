import { expect, test, type Page } from '@playwright/test';
import { searchIndexStored } from './support/search-cache';

// A warm reload searches the index its last visit stored, before a file is read again. Its
// entities are put back after the first search (src/worker/search-cache.ts); a `person:` filter
// asked meanwhile must not fall back to matching the name as text.

// page.route cannot see requests a service worker answers: keep the PWA out of these.
test.use({ serviceWorkers: 'block' });

const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });

/** A first visit that leaves the search index in IndexedDB. */
async function visitOnce(page: Page) {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(15);
  await expect.poll(() => page.evaluate(searchIndexStored), { timeout: 20_000 }).toBe(true);
}

/**
 * Collects, from the page's start, every note the palette shows (role="note"), so that a note
 * shown for one answer and gone with the next is still seen.
 */
const NOTE_LOG = `(() => {
  const seen = (window.__paletteNotes = []);
  new MutationObserver(() => {
    for (const n of document.querySelectorAll('dialog [role="note"]'))
      if (!seen.includes(n.textContent)) seen.push(n.textContent);
  }).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

test('a warm reload answers person: from the cached index with its names, never as text', async ({
  page,
}) => {
  await visitOnce(page);
  await page.addInitScript(NOTE_LOG);
  // The manifest (the folder's fingerprint) held back: the query is typed while the worker waits
  // to know whether its cached index is this folder's (1 s at most), and answered right after.
  await page.route('**/seeds-manifest.json', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await page.reload();
  // The `/` key works from the commit that draws the header's search button (as for a reader,
  // who presses it once they see the page); pressed before it, on a loaded machine, it was lost.
  await expect(page.getByRole('banner').getByRole('button', { name: 'Search' })).toBeVisible();
  await page.keyboard.press('/');
  await page.keyboard.type('person:putin');
  const stories = results(page).getByRole('group', { name: 'Stories' });
  await expect(stories.getByRole('option').first()).toContainText('Putin hailed North Korea');
  await expect(stories.getByRole('option').filter({ hasText: 'DeepSeek' })).toHaveCount(0);
  const notes = await page.evaluate(
    () => (window as unknown as { __paletteNotes: string[] }).__paletteNotes,
  );
  expect(notes.filter((n) => /no entity data yet/u.test(n))).toEqual([]);

  // Plain words get the names group once the cached names' lookup is built.
  await page.keyboard.press('Control+a');
  await page.keyboard.type('putin');
  const names = results(page).getByRole('group', { name: 'People, places and organizations' });
  await expect(names.getByRole('option', { name: /Vladimir Putin/u })).toBeVisible();
});
