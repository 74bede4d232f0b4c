import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';
import { gunzipSync } from 'node:zlib';
import { decodeTables, type TablesPack } from '../src/corpus/tables/tables-codec';
import { expectNoAxeViolations } from './support/axe';

// The seeds built as an archive (`npm run build:archive`: SEEDS_ARCHIVE=1, pages of 4 rows, 5
// stories listed per entity page): the
// browser fetches the listing page it shows and, for a story, its own file and side group;
// never the whole folder (text or names packs, other stories' files), and it starts no worker
// until a search, which the build's search chunks answer.

const ARTICLE = '002_54c47fb4e1efd86c';
const NEXT_ARTICLE = '003_94fd4063dbc03a91';
/** A brief of ARTICLE with a related story. */
const BRIEF = `${ARTICLE}~2`;
const LIST = /\/archive\/list-(\d+)-[0-9a-f]+\.json$/u;
const SIDE = /\/archive\/side-\d+-[0-9a-f]+\.json$/u;
const ENTITY = /\/archive\/entity-\d+-[0-9a-f]+\.json$/u;
const FILTER = /\/archive\/filter-\d+-[0-9a-f]+\.json$/u;
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
  // What it has and lacks, as this build has search chunks, entity and filter groups.
  await expect(page.getByText(/entity pages list the stories naming a name/u)).toContainText(
    'Not available here yet: the unread filter and threads.',
  );
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

  // A name's card gives the archive's count and its entity page's link (card → page: below).
  await page
    .locator('[data-story-text] mark[data-entity-id="person/vladimir-putin"]')
    .first()
    .click();
  const card = page.getByRole('dialog', { name: /Vladimir Putin/u });
  await expect(card).toContainText('Named in 3 stories of the archive.');
  await expect(
    card.getByRole('link', { name: /The stories naming Vladimir Putin/u }),
  ).toBeVisible();
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

test('a name’s card opens its entity page: its stories by title and mentions, from one entity group', async ({
  page,
}) => {
  const urls = recordRequests(page);
  await page.goto(`/story/${ARTICLE}`);
  await page
    .locator('[data-story-text] mark[data-entity-id="person/vladimir-putin"]')
    .first()
    .click();
  const card = page.getByRole('dialog', { name: /Vladimir Putin/u });
  await card.getByRole('link', { name: /The stories naming Vladimir Putin/u }).click();
  await expect(page).toHaveURL(/\/entity\/person\/vladimir-putin$/u);
  await expect(page.getByRole('heading', { level: 1, name: 'Vladimir Putin' })).toBeVisible();
  await expect(page.getByText('25 mentions in 3 stories')).toBeVisible();
  await expect(page.getByText(/^Also written as Putin$/u)).toBeVisible();
  // Its three stories, most mentions first, each a link with its mention count.
  const list = page.getByRole('list', { name: 'Stories naming Vladimir Putin' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Kim Jong-un promised full support');
  await expect(items.nth(0)).toContainText('×10');
  await expect(items.nth(1)).toContainText('Vladimir Putin hailed North Korea');
  await expect(items.nth(1)).toContainText('×9');
  // All listed: no "showing n of m".
  await expect(page.getByText(/^Showing/u)).toHaveCount(0);
  // What it lacks beside a whole-folder page is said, not left out silently.
  const aside = page.getByRole('complementary', { name: 'In this archive' });
  await expect(aside).toContainText('sentences that name Vladimir Putin');
  await expect(aside).toContainText('not available here');
  await expectNoAxeViolations(page, 'archive entity page');
  expect(urls.filter((u) => ENTITY.test(u))).toHaveLength(1);
  expectNoWholeFolder(urls, ARTICLE);

  // A story of the list opens.
  await items.nth(1).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Vladimir Putin hailed North Korea',
  );
  for (const pattern of WHOLE_FOLDER) expect(urls.filter((u) => pattern.test(u))).toEqual([]);
});

test('an entity named in more stories than its page lists says how many it shows', async ({
  page,
}) => {
  const urls = recordRequests(page);
  // The archive build lists 5 stories per entity; the US is named in 8.
  await page.goto('/entity/place/us');
  await expect(page.getByRole('heading', { level: 1, name: 'US' })).toBeVisible();
  await expect(page.getByText(/mentions in 8 stories$/u)).toBeVisible();
  await expect(page.getByText('Showing 5 of 8 stories, the ones that name US most.')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Stories naming US' }).getByRole('listitem'),
  ).toHaveCount(5);
  expectNoWholeFolder(urls);
});

test('what needs the whole folder says it is not in the archive, rather than show nothing', async ({
  page,
}) => {
  const urls = recordRequests(page);
  // An id no entity of the archive has: not found, from its group alone.
  await page.goto('/entity/person/nobody-at-all');
  await expect(page.getByRole('heading', { name: /There is no such person/u })).toBeVisible();
  await expect(page.getByText('person/nobody-at-all')).toBeVisible();
  expect(urls.filter((u) => ENTITY.test(u))).toHaveLength(1);

  await page.goto(`/thread/${ARTICLE}`);
  await expect(
    page.getByRole('heading', { name: 'Thread pages are not available in this archive yet' }),
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

/**
 * What the build published, read apart from the filter's own files: the listing's story ids in
 * order (its pages) and, per entity, the stories naming it (the folder's tables pack, which the
 * filter groups are made from but an archive's browser never downloads).
 */
async function published(request: APIRequestContext) {
  const manifest = (await (await request.get('/seeds-manifest.json')).json()) as {
    tables: { url: string };
    archive: { dir: string; pages: string[] };
  };
  const ids: string[] = [];
  for (const [n, hash] of manifest.archive.pages.entries()) {
    const page = (await (
      await request.get(`/${manifest.archive.dir}/list-${n}-${hash}.json`)
    ).json()) as { rows: [string][] };
    ids.push(...page.rows.map(([id]) => id));
  }
  let body = await (await request.get(`/${manifest.tables.url}`)).body();
  // The host may have sent it inflated already (Content-Encoding: gzip).
  if (body[0] === 0x1f && body[1] === 0x8b) body = gunzipSync(body);
  const pack = JSON.parse(body.toString()) as TablesPack;
  const { table } = decodeTables(pack, pack.fingerprint)!;
  /** The listing's stories that name every one of `entityIds`, in its order. */
  const naming = (...entityIds: string[]) => {
    const sets = entityIds.map(
      (id) => new Set(table.entities.find((e) => e.id === id)!.stories.map((s) => s.storyId)),
    );
    return ids.filter((id) => sets.every((s) => s.has(id)));
  };
  return { ids, naming };
}

/** The story ids the library lists, from its rows' links. */
async function listed(page: Page): Promise<string[]> {
  const links = page.getByRole('list', { name: 'Stories' }).getByRole('link');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => decodeURIComponent(h.replace(/^\/story\//u, '').replace(/\?.*$/u, '')));
}

const summary = (ids: string[]) => {
  const briefs = ids.filter((id) => id.includes('~')).length;
  return `${ids.length} stories (${ids.length - briefs} articles, ${briefs} briefs) from 3 files`;
};

test('the library filtered by a name lists every story naming it, from its filter group alone', async ({
  page,
  request,
}) => {
  const { ids, naming } = await published(request);
  const us = naming('place/us');
  // More than the entity page lists (5 in this build), fewer than the library.
  expect(us.length).toBeGreaterThan(5);
  expect(us.length).toBeLessThan(ids.length);
  const urls = recordRequests(page);
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Stories' });
  await expect(list.getByRole('link')).toHaveCount(ids.length);
  // "Most named": the build's counts, final (no "still counting").
  const named = page.getByRole('group', { name: 'Most named in the archive' });
  await named.getByRole('button', { name: `US ${us.length} stories, place: add filter` }).click();
  await expect(page).toHaveURL(/\/\?entity=place%2Fus$/u);
  await expect(page.getByText(summary(us))).toBeVisible();
  await expect(list.getByRole('link')).toHaveCount(us.length);
  await expect.poll(() => listed(page)).toEqual(us);
  await expect(page.getByRole('button', { name: 'Remove filter US' })).toBeVisible();
  await expectNoAxeViolations(page, 'archive library filtered by a name');
  expect(urls.filter((u) => FILTER.test(u))).toHaveLength(1);
  expect(urls.filter((u) => ENTITY.test(u))).toEqual([]);
  expectNoWholeFolder(urls);

  // A second name narrows it (AND), the kind filter too; each is a step of history.
  const both = naming('place/us', 'place/china');
  expect(both.length).toBeGreaterThan(0);
  expect(both.length).toBeLessThan(us.length);
  await named.getByRole('button', { name: /^China \d+ stories/u }).click();
  await expect(page).toHaveURL(/\?entity=place%2Fus&entity=place%2Fchina$/u);
  await expect(page.getByText(summary(both))).toBeVisible();
  await expect.poll(() => listed(page)).toEqual(both);
  await page.getByLabel('Show').selectOption('brief');
  const briefs = both.filter((id) => id.includes('~'));
  await expect(page).toHaveURL(/&kind=brief$/u);
  await expect(page.getByText(summary(briefs))).toBeVisible();
  await expect.poll(() => listed(page)).toEqual(briefs);

  await page.goBack();
  await expect(page.getByText(summary(both))).toBeVisible();
  await page.goBack();
  await expect(page.getByText(summary(us))).toBeVisible();
  await expect.poll(() => listed(page)).toEqual(us);
  await page.goBack();
  await expect(page).toHaveURL(/\/$/u);
  await expect(list.getByRole('link')).toHaveCount(ids.length);
  await page.goForward();
  await expect(page).toHaveURL(/\/\?entity=place%2Fus$/u);
  await expect.poll(() => listed(page)).toEqual(us);
  await page.getByRole('button', { name: 'Remove filter US' }).click();
  await expect(page).toHaveURL(/\/$/u);
  await expect(list.getByRole('link')).toHaveCount(ids.length);
});

test('an entity page’s link filters the library by it, past the stories the page lists', async ({
  page,
  request,
}) => {
  const { naming } = await published(request);
  const putin = naming('person/vladimir-putin');
  await page.goto('/entity/person/vladimir-putin');
  await page.getByRole('link', { name: 'Filter the library by Vladimir Putin' }).click();
  await expect(page).toHaveURL(/\/\?entity=person%2Fvladimir-putin$/u);
  await expect(page.getByText(summary(putin))).toBeVisible();
  await expect.poll(() => listed(page)).toEqual(putin);
  // A name the archive does not have: nothing, said so.
  await page.goto('/?entity=person%2Fnobody-at-all');
  await expect(page.getByText('No stories match this filter.')).toBeVisible();
});

test('a story opened from a filtered library steps through the filter with j/k and J/K', async ({
  page,
  request,
}) => {
  const { naming } = await published(request);
  const us = naming('place/us');
  const articles = us.filter((id) => !id.includes('~'));
  expect(articles.length).toBeGreaterThan(1);
  const at = (id: string) => (url: URL) =>
    url.pathname === `/story/${id}` && url.search === '?entity=place%2Fus';
  await page.goto('/?entity=place%2Fus');
  const list = page.getByRole('list', { name: 'Stories' });
  await expect(list.getByRole('link')).toHaveCount(us.length);
  await list.getByRole('link').first().click();
  await expect(page).toHaveURL(at(us[0]!));
  // The pager names the filter's next article; a key pressed before the steps are known would
  // only say it is still finding them.
  const pager = page.getByRole('navigation', { name: 'More stories' });
  const pagerTo = (rel: 'next' | 'prev', id: string) =>
    expect(pager.locator(`a[rel="${rel}"]`)).toHaveAttribute(
      'href',
      `/story/${id}?entity=place%2Fus`,
    );
  await pagerTo('next', articles[1]!);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  // J: the filter's next story of any kind; j: its next article, past briefs it lists.
  await page.keyboard.press('Shift+J');
  await expect(page).toHaveURL(at(us[1]!));
  await pagerTo('next', articles[1]!);
  await page.keyboard.press('Shift+K');
  await expect(page).toHaveURL(at(us[0]!));
  await pagerTo('next', articles[1]!);
  await page.keyboard.press('j');
  await expect(page).toHaveURL(at(articles[1]!));
  await pagerTo('prev', articles[0]!);
  await page.keyboard.press('k');
  await expect(page).toHaveURL(at(articles[0]!));
  await page.goto(`/story/${articles.at(-1)!}?entity=place%2Fus`);
  await pagerTo('prev', articles.at(-2)!);
  // The last article of the filter (not of the library: another comes after it there).
  await expect(pager.locator('a[rel="next"]')).toHaveCount(0);
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('j');
  await expect(page.getByText('This is the last article in this filter.')).toBeVisible();
});
