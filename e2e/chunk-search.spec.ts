import { expect, test, type Route } from '@playwright/test';

// The build ships the folder's search index cut into chunks (`search-chunks/<hash>/…`, named in
// the manifest). A cold visit searches them before any of the folder's text has arrived, fetching
// only the chunks its query touches; once the worker's own index covers the folder, it answers
// (with paragraph sub-results and names, which the chunks do not have).

/** The folder's text: its packs (`seeds-packs/<n>-<hash>.gz`) and its files one by one. */
const TEXT = /\/seeds-packs\/\d+-[0-9a-f]+\.gz$|\/seeds\/.+\.txt$/u;
const CHUNK = /\/search-chunks\/[0-9a-f]+\/([^/]+)$/u;
const NOTE = /Searched the published index/u;

// page.route cannot see requests a service worker answers: keep the PWA out of these.
test.use({ serviceWorkers: 'block' });

test('with the folder’s text held back, the palette answers from the chunks a query fetches', async ({
  page,
}) => {
  const held: Route[] = [];
  await page.route(TEXT, (route) => void held.push(route));
  const chunks: string[] = [];
  page.on('request', (r) => {
    const m = CHUNK.exec(new URL(r.url()).pathname);
    if (m) chunks.push(m[1]!);
  });

  await page.goto('/');
  await page
    .getByRole('button', { name: /search/iu })
    .first()
    .click();
  const palette = page.getByRole('dialog', { name: 'Search stories' });
  await palette.getByRole('combobox').fill('pyongyan');
  const results = palette.getByRole('listbox', { name: 'Search results' });
  // The typo is corrected from the chunks' vocabulary; the whole folder answers, not the part
  // indexed so far (none of it).
  await expect(
    results.getByRole('option', { name: /Kim Jong-un promised full support/u }),
  ).toBeVisible();
  await expect(results.getByRole('option', { name: /Putin hailed North Korea/u })).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(4); // 3 stories and "See all"
  await expect(palette.getByText(NOTE)).toBeVisible();
  await expect(palette.getByText(/Still indexing/u)).toHaveCount(0);
  // The lede's match is marked like a snippet's.
  await expect(results.getByRole('option').first().locator('mark').first()).toBeVisible();

  expect(held.length).toBeGreaterThan(0);
  expect(chunks).toContain('meta');
  expect(chunks.some((n) => n.startsWith('p-'))).toBe(true);
  expect(chunks.some((n) => n.startsWith('f-'))).toBe(true);
  const first = chunks.length;

  // The same query again costs nothing; the text arrives and the worker's own index takes over.
  for (const r of held.splice(0)) await r.continue();
  await page.unroute(TEXT);
  await expect(palette.getByText(NOTE)).toHaveCount(0, { timeout: 20_000 });
  await expect(
    results.getByRole('option', { name: /Kim Jong-un promised full support/u }),
  ).toBeVisible();
  expect(chunks.length).toBe(first);
});

test('the results page lists a chunk answer as it lists the worker’s own, and says what it lacks', async ({
  page,
}) => {
  await page.route(TEXT, () => undefined); // never answered: the folder's text stays away
  await page.goto('/search?q=pyongyan');
  await expect(
    page.getByRole('status').filter({ hasText: /3 stories match “pyongyan”/u }),
  ).toBeVisible();
  const stories = page.getByRole('region', { name: 'Stories' });
  await expect(stories.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(
    stories.getByRole('heading', { name: /Kim Jong-un promised full support/u }),
  ).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
  // The lede that names Pyongyang is the story's snippet, the typo's correction marked in it.
  await expect(stories.locator('mark', { hasText: /^Pyongyang$/u }).first()).toBeVisible();
});
