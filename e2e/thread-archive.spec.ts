import { expect, test, type APIRequestContext } from '@playwright/test';
import { THREAD_LEDE, THREAD_NAMES } from '../src/corpus/archive/archive-format';
import { cut } from '../src/corpus/archive/listing';
import { fileIdOf } from '../src/corpus/library';
import { parseFile } from '../src/corpus/parse-file';
import { timeline } from '../src/corpus/threads/timeline';
import type { Story } from '../src/corpus/types';
import {
  expectNoWholeFolder,
  onceEachCopy,
  readPublished,
  recordRequests,
  SIDE,
  THREAD,
} from './support/archive';
import { expectNoAxeViolations } from './support/axe';

// An archive's thread page (the seeds built as an archive, `npm run build:archive`), checked
// against what the build published apart from the thread groups: the listing pages (titles), the
// folder's tables pack (the threads, copies and names the groups are made from, which an
// archive's browser never downloads) and the story files (ledes).

// page.route and the request log cannot see what a service worker answers.
test.use({ serviceWorkers: 'block' });

/** An article in the seeds' one thread (the three Putin stories), not its first story. */
const ARTICLE = '002_54c47fb4e1efd86c';

/** ARTICLE's thread as the build published it: its id, title, stories and names. */
async function published(request: APIRequestContext) {
  const { listing, tables } = await readPublished(request);
  const titles = new Map(listing.map((r) => [r.id, r.title]));
  const t = tables.threads.threads[tables.threads.threadOf[ARTICLE]!]!;
  const stories = onceEachCopy(tables, t.storyIds);
  const ledes = new Map<string, string>();
  const texts = new Map<string, Story>();
  for (const fileId of new Set(t.storyIds.map(fileIdOf))) {
    const bytes = await (await request.get(`/seeds/${fileId}.txt`)).body();
    for (const s of parseFile({ fileId, section: null, bytes }).stories) {
      ledes.set(s.id, cut(s.paragraphs[0] ?? '', THREAD_LEDE));
      texts.set(s.id, s);
    }
  }
  // The whole folder's page's timeline, from the published story files.
  const dates = timeline(t.storyIds.map((id) => texts.get(id)!));
  const nameOf = (id: string) => tables.table.entities.find((e) => e.id === id)?.name;
  const names = [...new Set(t.entities.map((id) => tables.table.remap[id] ?? id))]
    .filter((id) => nameOf(id) !== undefined)
    .slice(0, THREAD_NAMES)
    .map(nameOf);
  return { id: t.id, title: titles.get(t.central)!, stories, titles, ledes, names, dates };
}

test('a story’s "The whole thread" opens its archive thread page: the stories with their ledes and shared names, from one thread group', async ({
  page,
  request,
}) => {
  const thread = await published(request);
  // The journey needs a thread of several stories that ARTICLE does not open.
  expect(thread.stories.length).toBeGreaterThan(1);
  expect(thread.id).not.toBe(ARTICLE);
  const urls = recordRequests(page);
  await page.goto(`/story/${ARTICLE}`);
  const box = page.getByRole('region', { name: 'In this thread' });
  await box
    .getByRole('link', { name: `The whole thread (${thread.stories.length} stories)` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/thread/${thread.id}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(thread.title);
  await expect(page.getByText(`Thread · ${thread.stories.length} stories`)).toBeVisible();
  await expect(page).toHaveTitle(`${thread.title} (thread) · Dispatch`);

  // Its stories in the thread's order, each by its listing title, with its lede.
  const items = page.getByRole('region', { name: 'Stories' }).getByRole('listitem');
  await expect(items).toHaveCount(thread.stories.length);
  for (const [i, id] of thread.stories.entries()) {
    await expect(items.nth(i).getByRole('heading', { level: 3 })).toHaveText(
      thread.titles.get(id)!,
    );
    const lede = thread.ledes.get(id)!;
    expect(lede.length).toBeGreaterThan(20);
    await expect(items.nth(i).getByText(lede, { exact: true })).toBeAttached();
  }
  // The names its stories share, each a link to its (archive) entity page.
  expect(thread.names.length).toBeGreaterThan(0);
  const about = page.getByRole('region', { name: 'About' }).getByRole('link');
  await expect(about).toHaveCount(thread.names.length);
  for (const [i, name] of thread.names.entries()) await expect(about.nth(i)).toContainText(name!);
  // Its timeline, as the whole folder's page makes it from the stories' text, which this
  // browser never downloads (the build made it): the seeds' thread gives no full date ("in
  // March" is not one), so the page says so rather than that timelines are not available.
  // Entries themselves: thread-timelines.test.ts.
  expect(thread.dates).toEqual([]);
  await expect(
    page
      .getByRole('region', { name: 'Timeline' })
      .getByText('These stories give no dates to put on a timeline.'),
  ).toBeVisible();
  await expect(page.getByText(/not available here/u)).toHaveCount(0);
  await expectNoAxeViolations(page, 'archive thread page');
  expect(urls.filter((u) => THREAD.test(u))).toHaveLength(1);
  expectNoWholeFolder(urls, ARTICLE);

  // One of its stories opens, and Back returns to the page (its group not fetched again).
  const last = thread.stories.at(-1)!;
  await items
    .last()
    .getByRole('link', { name: thread.titles.get(last)! })
    .click();
  await expect(page).toHaveURL(new RegExp(`/story/${last}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'In this thread' })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/thread/${thread.id}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(thread.title);
  await expect(items).toHaveCount(thread.stories.length);
  expect(urls.filter((u) => THREAD.test(u))).toHaveLength(1);
  expect(urls.filter((u) => SIDE.test(u)).length).toBeGreaterThan(0);
  expect(urls.filter((u) => /corpus\.worker|seeds-packs/u.test(u))).toEqual([]);
});

test.describe('with its service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a thread page visited reads offline (its thread group is cached)', async ({
    page,
    context,
    request,
  }) => {
    const thread = await published(request);
    await page.goto('/');
    await page.waitForFunction(async () => {
      await navigator.serviceWorker.ready;
      return navigator.serviceWorker.controller !== null;
    });
    // Visited while the worker controls the page: the manifest and the group go through it.
    await page.goto(`/thread/${thread.id}`);
    const items = page.getByRole('region', { name: 'Stories' }).getByRole('listitem');
    await expect(items).toHaveCount(thread.stories.length);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(thread.title);
    await expect(items).toHaveCount(thread.stories.length);
    await context.setOffline(false);
  });
});
