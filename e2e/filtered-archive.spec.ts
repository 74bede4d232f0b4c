import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  ENTITY,
  expectNoWholeFolder,
  FILTER,
  readPublished,
  recordRequests,
} from './support/archive';
import { expectNoAxeViolations } from './support/axe';

// The archive library's filters (the seeds built as an archive, `npm run build:archive`: pages
// of 4 rows, 5 stories listed per entity page). The stories a filter lists are checked against
// what the build published apart from the filter's own files: its listing pages and the tables
// pack the filter groups are made from (which an archive's browser never downloads).

// page.route and the request log cannot see what a service worker answers.
test.use({ serviceWorkers: 'block' });

/**
 * What the build published, read apart from the filter's own files: the listing's story ids in
 * order (its pages) and, per entity, the stories naming it (the folder's tables pack, which the
 * filter groups are made from but an archive's browser never downloads).
 */
async function published(request: APIRequestContext) {
  const { listing, tables } = await readPublished(request);
  const ids = listing.map((r) => r.id);
  const { table } = tables;
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
