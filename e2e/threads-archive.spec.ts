import { expect, test, type APIRequestContext } from '@playwright/test';
import {
  expectNoWholeFolder,
  onceEachCopy,
  readPublished,
  recordRequests,
  THREAD,
} from './support/archive';
import { expectNoAxeViolations } from './support/axe';

// An archive's library by thread (`?view=threads`; the seeds built as an archive, `npm run
// build:archive`, two threads a page), checked against what the build published apart from
// the thread pages: the folder's tables pack (its threads and copies, which an archive's browser
// never downloads) and the listing pages (titles).

test.use({ serviceWorkers: 'block' });

const THREADS_PAGE = /\/archive\/threads-\d+-[0-9a-f]+\.json$/u;

/** Every thread as the library by thread must list it: largest first, then folder order. */
async function published(request: APIRequestContext) {
  const { listing, tables } = await readPublished(request);
  const titles = new Map(listing.map((r) => [r.id, r.title]));
  const threads = tables.threads.threads.map((t, order) => {
    const stories = onceEachCopy(tables, t.storyIds);
    return { id: t.id, title: titles.get(t.central)!, stories, order, titles };
  });
  return threads.sort((a, b) => b.stories.length - a.stories.length || a.order - b.order);
}

test('the library by thread lists every thread largest first, a page at a time, and a row opens to its stories and its page', async ({
  page,
  request,
}) => {
  const threads = await published(request);
  // The journey needs more than one page of threads (two a page) and sizes that differ.
  expect(threads.length).toBeGreaterThan(2);
  expect(new Set(threads.map((t) => t.stories.length)).size).toBeGreaterThan(1);
  const urls = recordRequests(page);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Library view' })
    .getByRole('link', { name: 'Threads' })
    .click();
  await expect(page).toHaveURL(/\?view=threads$/u);
  await expect(page.getByText(`${threads.length} threads, largest first`)).toBeVisible();
  // The list's own rows (an opened row holds a list of its stories).
  const rows = page.locator('[aria-label="Threads"] > li');
  for (const [i, t] of threads.entries()) {
    const row = page.locator(`[aria-label="Threads"] > li[data-index="${i}"]`);
    await expect(row.getByRole('link').first()).toHaveText(t.title);
    await expect(row).toContainText(`${t.stories.length} stories`);
  }
  await expect(page.getByText(/Not available here yet: .*the library by thread/u)).toHaveCount(0);
  await expectNoAxeViolations(page, 'archive library by thread');
  // Its pages and nothing of the thread groups until a row is opened.
  expect(urls.filter((u) => THREADS_PAGE.test(u)).length).toBeGreaterThan(1);
  expect(urls.filter((u) => THREAD.test(u))).toEqual([]);

  // The largest opens to its stories, from its thread group (one fetch).
  const largest = threads[0]!;
  const first = page.locator('[aria-label="Threads"] > li[data-index="0"]');
  await first
    .getByRole('button', { name: `Show the ${largest.stories.length} stories of ${largest.title}` })
    .click();
  const opened = first.getByRole('list').getByRole('listitem');
  await expect(opened).toHaveCount(largest.stories.length);
  for (const [i, id] of largest.stories.entries())
    await expect(opened.nth(i).getByRole('link')).toHaveText(largest.titles.get(id)!);
  expect(urls.filter((u) => THREAD.test(u))).toHaveLength(1);
  await expectNoAxeViolations(page, 'archive library by thread, a row opened');
  await expect(rows).toHaveCount(threads.length);

  // Its title opens its thread page.
  await first.getByRole('link', { name: largest.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/thread/${largest.id}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(largest.title);
  expectNoWholeFolder(urls);
});

test('the library by thread is not filtered, and says so when the URL holds a filter', async ({
  page,
  request,
}) => {
  const threads = await published(request);
  await page.goto('/?kind=main&view=threads');
  await expect(page.getByText(`${threads.length} threads, largest first`)).toBeVisible();
  await expect(page.getByText(/the filters apply to its stories view/u)).toBeVisible();
  await expect(page.locator('[aria-label="Threads"] > li')).toHaveCount(threads.length);
  // The switch back keeps the filter.
  await page
    .getByRole('navigation', { name: 'Library view' })
    .getByRole('link', { name: 'Stories' })
    .click();
  await expect(page).toHaveURL(/\?kind=main$/u);
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
});

test.describe('with its service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the library by thread visited reads offline (its pages are cached)', async ({
    page,
    context,
    request,
  }) => {
    const threads = await published(request);
    await page.goto('/');
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    await page.goto('/?view=threads');
    const rows = page.locator('[aria-label="Threads"] > li');
    await expect(rows.getByRole('link')).toHaveCount(threads.length);
    await context.setOffline(true);
    await page.reload();
    await expect(rows.getByRole('link')).toHaveCount(threads.length);
    await expect(rows.first().getByRole('link')).toHaveText(threads[0]!.title);
    await context.setOffline(false);
  });
});
