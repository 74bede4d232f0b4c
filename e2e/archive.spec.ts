import { expect, test, type Page, type Request } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

// The seeds built as an archive (`npm run build:archive`: SEEDS_ARCHIVE=1, pages of 4 rows): the
// browser fetches the listing page it shows and, for a story, its own file and side group;
// never the whole folder (text or names packs, other stories' files), and it starts no worker
// until a search, which the build's search chunks answer.

const ARTICLE = '002_54c47fb4e1efd86c';
const NEXT_ARTICLE = '003_94fd4063dbc03a91';
/** A brief of ARTICLE with a related story. */
const BRIEF = `${ARTICLE}~2`;
const LIST = /\/archive\/list-(\d+)-[0-9a-f]+\.json$/u;
const SIDE = /\/archive\/side-\d+-[0-9a-f]+\.json$/u;
/** What a whole-folder visit downloads and an archive must not. */
const WHOLE_FOLDER = [/\/seeds-packs\//u, /ner-model/u, /corpus\.worker/u];

// page.route and the request log cannot see what a service worker answers.
test.use({ serviceWorkers: 'block' });

function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(new URL(r.url()).pathname));
  return urls;
}

function expectNoWholeFolder(urls: string[], ownFile?: string) {
  for (const pattern of WHOLE_FOLDER) expect(urls.filter((u) => pattern.test(u))).toEqual([]);
  const texts = urls.filter((u) => u.startsWith('/seeds/'));
  expect(texts).toEqual(ownFile ? [`/seeds/${ownFile}.txt`] : []);
}

test('the library paints its first page at once and the other rows as their pages arrive', async ({
  page,
}) => {
  const urls = recordRequests(page);
  // The listing's last page is held back: the rows before it must not wait for it.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/archive\/list-3-[0-9a-f]+\.json$/u, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByText('15 stories (3 articles, 12 briefs) from 3 files')).toBeVisible();
  const list = page.getByRole('list', { name: 'Stories' });
  const rows = list.getByRole('listitem');
  await expect(rows.first().getByRole('link')).toContainText('Vladimir Putin hailed North Korea');
  await expect(page.getByText(/^Stories 1–15 of 15$/u)).toBeVisible();
  // Rows 13–15 are on page 3: placeholders until it comes.
  await expect(list.getByText('Story 13: loading…')).toBeAttached();
  expect(await rows.getByRole('link').count()).toBe(12);
  // Placeholders included, the page is accessible (they are list items with a name).
  await expectNoAxeViolations(page, 'archive library, a page on its way');
  release();
  await expect(list.getByRole('link')).toHaveCount(15);
  await expect(list.getByText(/loading…/u)).toHaveCount(0);
  // Every page once, in pieces of 4 rows; nothing of the whole folder.
  const pages = urls.flatMap((u) => LIST.exec(u)?.[1] ?? []).sort();
  expect(pages).toEqual(['0', '1', '2', '3']);
  expectNoWholeFolder(urls);

  // Keyboard: the list's own keys reach the last row, and Enter opens it.
  await rows.first().getByRole('link').focus();
  await page.keyboard.press('End');
  await expect(rows.last().getByRole('link')).toBeFocused();
  await expect(rows.last()).toHaveAttribute('aria-posinset', '15');
});

test('a deep link paints its story with its names and thread from its side group; j/k follow the listing', async ({
  page,
}) => {
  const urls = recordRequests(page);
  await page.goto(`/story/${ARTICLE}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kim Jong-un promised');
  await expect(
    page.locator('[data-story-text] mark[data-entity-id="person/vladimir-putin"]').first(),
  ).toHaveAccessibleName('Vladimir Putin, person');
  // Its thread (the three Putin stories) by their titles, from the side group.
  const thread = page.getByRole('region', { name: 'In this thread' });
  await expect(thread.getByRole('link')).toHaveCount(2);
  await expect(thread.getByRole('link').first()).toContainText('Vladimir Putin hailed');
  await expect(thread).toContainText('thread pages are not available in this archive yet');
  expect(urls.filter((u) => SIDE.test(u))).toHaveLength(1);
  expect(urls).toContain('/seeds-manifest.json');
  await expectNoAxeViolations(page, 'archive story');
  expectNoWholeFolder(urls, ARTICLE);

  // A name's card says what an archive does not have yet.
  await page
    .locator('[data-story-text] mark[data-entity-id="person/vladimir-putin"]')
    .first()
    .click();
  const card = page.getByRole('dialog', { name: /Vladimir Putin/u });
  await expect(card).toContainText(/Named in \d+ stories of the archive/u);
  await expect(card).toContainText('entity pages are not available in this archive yet');
  await page.keyboard.press('Escape');

  // j follows the listing to the next article, past this one's briefs.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/story/${NEXT_ARTICLE}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`/story/${ARTICLE}$`, 'u'));
  expectNoWholeFolder(urls.filter((u) => !u.startsWith('/seeds/')));
});

test('what needs the whole folder says it is not in the archive, rather than show nothing', async ({
  page,
}) => {
  const urls = recordRequests(page);
  await page.goto('/entity/person/vladimir-putin');
  await expect(
    page.getByRole('heading', { name: 'Entity pages are not available in this archive yet' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Browse the library' }).click();
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
  expectNoWholeFolder(urls);
});

test('search answers from the published chunks a query fetches, never from the whole folder', async ({
  page,
}) => {
  const urls = recordRequests(page);
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
  await page.keyboard.press('/');
  const palette = page.getByRole('dialog', { name: 'Search stories' });
  await palette.getByRole('combobox').fill('pyongyan');
  const results = palette.getByRole('listbox', { name: 'Search results' });
  // A typo corrected from the chunks' vocabulary, over the whole archive.
  await expect(
    results.getByRole('option', { name: /Kim Jong-un promised full support/u }),
  ).toBeVisible();
  await expect(palette.getByText(/Searched the published index/u)).toBeVisible();
  await results.getByRole('option', { name: /Kim Jong-un promised full support/u }).click();
  await expect(page).toHaveURL(/\/story\/[^?]+\?q=pyongyan/u);
  // The story marks what the query's typo stood for.
  await expect(page.locator('[data-story-text] mark[data-search-hit]').first()).toBeVisible();

  await page.goto('/search?q=pyongyan');
  await expect(
    page.getByRole('region', { name: 'Stories' }).getByRole('heading', { level: 3 }),
  ).toHaveCount(3);
  // The worker came for the search; the folder's text, names packs and model did not.
  expect(urls.some((u) => /corpus\.worker/u.test(u))).toBe(true);
  expect(urls.some((u) => /\/search-chunks\/[0-9a-f]+\/meta$/u.test(u))).toBe(true);
  for (const pattern of [/\/seeds-packs\//u, /ner-model/u])
    expect(urls.filter((u) => pattern.test(u))).toEqual([]);
  expect(urls.filter((u) => u.startsWith('/seeds/')).length).toBeLessThanOrEqual(1);
});

test('a brief’s deep link shows its related stories, named by their titles', async ({ page }) => {
  const urls = recordRequests(page);
  await page.goto(`/story/${BRIEF}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const related = page.getByRole('complementary', { name: 'Related stories' });
  const first = related.getByRole('listitem').first().getByRole('link');
  await expect(first).toBeVisible();
  await expect(first).not.toContainText('_'); // a title, not the story's id
  expect(urls.filter((u) => SIDE.test(u))).toHaveLength(1);
  expectNoWholeFolder(urls, ARTICLE);
});
