import { expect, test } from '@playwright/test';
import {
  ENTITY,
  expectNoWholeFolder,
  LIST,
  readPublished,
  recordRequests,
  SIDE,
  THREAD,
  WHOLE_FOLDER,
} from './support/archive';
import { expectNoAxeViolations } from './support/axe';

// The seeds built as an archive (`npm run build:archive`: SEEDS_ARCHIVE=1, pages of 4 rows, 5
// stories listed per entity page): the
// browser fetches the listing page it shows and, for a story, its own file and side group;
// never the whole folder (text or names packs, other stories' files), and it starts no worker
// until a search, which the build's search chunks answer.

const ARTICLE = '002_54c47fb4e1efd86c';
const PUTIN = 'person/vladimir-putin';
const NEXT_ARTICLE = '003_94fd4063dbc03a91';
/** A brief of ARTICLE with a related story. */
const BRIEF = `${ARTICLE}~2`;

// page.route and the request log cannot see what a service worker answers.
test.use({ serviceWorkers: 'block' });

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
  const note = page.getByText(/entity pages list the stories naming a name/u);
  await expect(note).toContainText('the library lists the threads, largest first.');
  await expect(note).not.toContainText('Not available here yet');
  const list = page.getByRole('list', { name: 'Stories' });
  const rows = list.getByRole('listitem');
  await expect(rows.first().getByRole('link')).toContainText('Vladimir Putin hailed North Korea');
  await expect(page.getByText(/^Stories 1–15 of 15$/u)).toBeVisible();
  // Rows 13–15 are on page 3: placeholders until it comes.
  await expect(list.getByText('Story 13: loading…')).toBeAttached();
  // Pages 0–2 may still be on their way: wait for their rows (page 3 is held back).
  await expect(rows.getByRole('link')).toHaveCount(12);
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
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  await expect(thread.getByRole('listitem').first()).toContainText('Vladimir Putin hailed');
  // Its page is the thread group's (thread-archive.spec.ts), not fetched by the story view.
  await expect(thread.getByRole('link', { name: 'The whole thread (3 stories)' })).toBeVisible();
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

test('j/k pressed while the next story is still loading are taken, not lost', async ({ page }) => {
  // The next article's file is held back: the reader shows "Loading the story…" meanwhile.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(new RegExp(`/seeds/${NEXT_ARTICLE}\\.txt$`, 'u'), async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/story/${ARTICLE}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kim Jong-un promised');
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/story/${NEXT_ARTICLE}$`, 'u'));
  await expect(page.getByText('Loading the story…')).toBeVisible();
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`/story/${ARTICLE}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kim Jong-un promised');
  release();
});

test('a name’s card opens its entity page: its stories by title and mentions, and who is named with it, from one entity group', async ({
  page,
  request,
}) => {
  // Who is named with Putin, counted here from the published entity table (which an archive's
  // browser never downloads): every other entity, by how many of his stories name it.
  const { tables } = await readPublished(request);
  const entities = tables.table.entities;
  const his = new Set(entities.find((e) => e.id === PUTIN)!.stories.map((s) => s.storyId));
  const companions = entities
    .filter((e) => e.id !== PUTIN)
    .map((e) => ({ e, n: e.stories.filter((s) => his.has(s.storyId)).length }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n || a.e.id.localeCompare(b.e.id))
    .slice(0, 12);
  expect(companions.length).toBeGreaterThan(2);
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
  // The stories, not the sentences listed under each.
  const items = list.locator(':scope > li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Kim Jong-un promised full support');
  await expect(items.nth(0)).toContainText('×10');
  await expect(items.nth(1)).toContainText('Vladimir Putin hailed North Korea');
  await expect(items.nth(1)).toContainText('×9');
  // All listed: no "showing n of m".
  await expect(page.getByText(/^Showing/u)).toHaveCount(0);
  const aside = page.getByRole('complementary', { name: 'Often mentioned with' });
  const named = aside.getByRole('listitem');
  await expect(named).toHaveCount(companions.length);
  for (const [i, { e, n }] of companions.entries()) {
    await expect(named.nth(i).getByRole('link')).toHaveAttribute('href', `/entity/${e.id}`);
    await expect(named.nth(i)).toContainText(`${n} ${n === 1 ? 'story' : 'stories'}`);
  }
  // The sentences naming him under each story, the name marked, each linked to its paragraph
  // (the build made them: this browser has not downloaded the stories' text).
  const first = items.nth(0).getByRole('listitem');
  await expect(first.first().locator(`mark[data-entity-id="${PUTIN}"]`).first()).toBeVisible();
  await expect(first.first().getByRole('link', { name: /^¶\d+$/u })).toHaveAttribute(
    'href',
    /^\/story\/[^#]+#p\d+$/u,
  );
  expect(await list.locator(`mark[data-entity-id="${PUTIN}"]`).count()).toBeGreaterThan(3);
  // Nothing is said to be missing.
  await expect(page.getByText(/built without/u)).toHaveCount(0);
  await expectNoAxeViolations(page, 'archive entity page');
  expect(urls.filter((u) => ENTITY.test(u))).toHaveLength(1);
  expectNoWholeFolder(urls, ARTICLE);

  // A story of the list opens.
  await items.nth(1).getByRole('heading').getByRole('link').click();
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
    page.getByRole('list', { name: 'Stories naming US' }).locator(':scope > li'),
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

  // A story in a thread is not its id (the first story's is): not found, from its group alone.
  await page.goto(`/thread/${ARTICLE}`);
  await expect(page.getByRole('heading', { name: 'There is no such thread' })).toBeVisible();
  expect(urls.filter((u) => THREAD.test(u))).toHaveLength(1);
  await page.getByRole('link', { name: 'Browse the library' }).click();
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
  expectNoWholeFolder(urls);
});

test('ids that name an object’s built-in properties find nothing, never a crash', async ({
  page,
}) => {
  // The groups are JSON objects keyed by ids from the URL: Object.prototype is not an archive.
  for (const id of ['constructor', 'toString', '__proto__']) {
    await page.goto(`/entity/${id}`);
    await expect(page.getByRole('heading', { name: /There is no such/u })).toBeVisible();
    await page.goto(`/story/${id}`);
    await expect(page.getByRole('heading', { name: /There is no such/u })).toBeVisible();
  }
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
  // The top story's paragraphs, from its file (the chunks hold no text), join the answer.
  await expect(results.getByRole('option', { name: /^Paragraph \d+/u }).first()).toBeVisible();
  await expect(
    palette.getByText(/Searched the published index: .* with the matching paragraphs/u),
  ).toBeVisible();
  await results.getByRole('option', { name: /Kim Jong-un promised full support/u }).click();
  await expect(page).toHaveURL(/\/story\/[^?]+\?q=pyongyan/u);
  // The story marks what the query's typo stood for.
  await expect(page.locator('[data-story-text] mark[data-search-hit]').first()).toBeVisible();

  await page.goto('/search?q=pyongyan');
  const found = page.getByRole('region', { name: 'Stories' });
  await expect(found.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(found.getByRole('link', { name: /^Paragraph \d+/u }).first()).toBeVisible();
  // The worker came for the search; the folder's text, names packs and model did not.
  expect(urls.some((u) => /corpus\.worker/u.test(u))).toBe(true);
  expect(urls.some((u) => /\/search-chunks\/[0-9a-f]+\/meta$/u.test(u))).toBe(true);
  for (const pattern of [/\/seeds-packs\//u, /ner-model/u])
    expect(urls.filter((u) => pattern.test(u))).toEqual([]);
  // Story files: only those of stories listed (for their paragraphs, or opened), never more.
  const files = new Set(urls.filter((u) => u.startsWith('/seeds/')));
  expect(files.size).toBeGreaterThan(0);
  expect(files.size).toBeLessThanOrEqual(3);
});

test('the palette names people, places and organizations from the archive’s names index', async ({
  page,
  request,
}) => {
  const { tables } = await readPublished(request);
  const named = new Set(
    tables.table.entities.find((e) => e.id === PUTIN)!.stories.map((s) => s.storyId),
  );
  const urls = recordRequests(page);
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
  await page.keyboard.press('/');
  const palette = page.getByRole('dialog', { name: 'Search stories' });
  // A typo in the name, past its first two letters.
  await palette.getByRole('combobox').fill('vladimr');
  const names = palette.getByRole('group', { name: 'People, places and organizations' });
  const putin = names.getByRole('option', { name: /Vladimir Putin/u });
  await expect(putin).toBeVisible();
  // Its count is the archive's, as its entity page gives it.
  await expect(putin).toContainText(`${named.size} stories`);
  await expect(palette.getByText(/Searched the published index/u)).not.toContainText('names');
  // One names group for the word's key, nothing of the whole folder.
  expect(urls.filter((u) => /\/archive\/names-\d+-[0-9a-f]+\.json$/u.test(u))).toHaveLength(1);
  for (const pattern of [/\/seeds-packs\//u, /ner-model/u])
    expect(urls.filter((u) => pattern.test(u))).toEqual([]);
  await putin.click();
  await expect(page).toHaveURL(`/entity/${PUTIN}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Putin');
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
