import { expect, test, type APIRequestContext } from '@playwright/test';
import { SIDE } from './support/archive';
import { expectNoAxeViolations } from './support/axe';
import { putReadingRecords, readTo } from './support/reader';

// The archive's unread filter (the seeds built as an archive, `npm run build:archive`): a story
// marked read where its row is known (its side group) leaves the unread rows, with the other
// filters; a mark without a row (made before rows were kept) is counted, never dropped.

test.use({ serviceWorkers: 'block' });

/** The listing as the build published it: each row's id, and which are articles. */
async function listing(request: APIRequestContext) {
  const manifest = (await (await request.get('/seeds-manifest.json')).json()) as {
    archive: { dir: string; pages: string[]; stories: number };
  };
  const rows: { id: string; brief: boolean }[] = [];
  for (const [n, hash] of manifest.archive.pages.entries()) {
    const page = (await (
      await request.get(`/${manifest.archive.dir}/list-${n}-${hash}.json`)
    ).json()) as { rows: [string, 0 | 1][] };
    for (const [id, brief] of page.rows) rows.push({ id, brief: brief === 1 });
  }
  expect(rows).toHaveLength(manifest.archive.stories);
  return rows;
}

test('a story read in the archive leaves the unread filter, alone and with the kind filter; a mark without a row is counted', async ({
  page,
  request,
}) => {
  const rows = await listing(request);
  const articles = rows.filter((r) => !r.brief);
  // The journey reads an article that is not on the first page of rows (4 a page).
  const read = articles.at(-1)!;
  expect(rows.indexOf(read)).toBeGreaterThan(3);
  const side = page.waitForResponse((r) => SIDE.test(new URL(r.url()).pathname));
  await page.goto(`/story/${read.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // m marks it read; its row is in its side group, which the story view fetches.
  await side;
  await page.keyboard.press('m');
  await expect(page.getByText('Marked as read')).toBeVisible();
  // Back to the library in the app, as a reader goes (a reload could cut the write short).
  await page.getByRole('link', { name: 'Dispatch' }).click();
  // Exact, and once the library is on screen: "Unread" alone also matches the story's "Mark as
  // unread", which a click made while the story was still shown pressed instead (a CI flake).
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
  const unread = page.getByRole('button', { name: 'Unread', exact: true });
  await unread.click();
  await expect(unread).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/unread=1/u);
  const n = rows.length - 1;
  await expect(page.getByText(`${n} stories from`)).toBeVisible();
  const list = page.getByRole('list', { name: 'Stories' });
  await expect(list.getByRole('link').first()).toBeVisible();
  await expect(
    list.locator(`a[href="/story/${read.id}"], a[href^="/story/${read.id}?"]`),
  ).toHaveCount(0);
  await expectNoAxeViolations(page, 'archive library, unread');

  // With the kind filter: the unread articles.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('main');
  await expect(
    page.getByText(`${articles.length - 1} stories (${articles.length - 1} articles, 0 briefs)`),
  ).toBeVisible();
  await expect(
    list.locator(`a[href="/story/${read.id}"], a[href^="/story/${read.id}?"]`),
  ).toHaveCount(0);

  // A read mark stored without a row (as before rows were kept): listed unread, and said so.
  await putReadingRecords(page, [
    {
      storyId: 'older/mark',
      read: true,
      paragraph: 0,
      progress: 1,
      updated: '2026-01-01T00:00:00.000Z',
    },
  ]);
  await page.reload();
  await expect(
    page.getByText(/1 story marked read cannot be placed in this archive’s listing/u),
  ).toBeVisible();
  await expect(page.getByText(`${articles.length - 1} stories (`)).toBeVisible();
});

test('“Continue reading” in an archive: a story begun here, one begun before rows were kept, and none that is gone', async ({
  page,
  request,
}) => {
  const rows = await listing(request);
  const begun = '003_94fd4063dbc03a91';
  // Another story, begun before rows were kept (no place: found through its side group).
  const older = rows.find((r) => !r.id.startsWith(begun) && !r.brief)!.id;
  await page.goto(`/story/${begun}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await readTo(page, 10, 40);
  await page.getByRole('link', { name: 'Dispatch' }).click();
  const region = page.getByRole('region', { name: 'Continue reading' });
  await expect(region.getByRole('link')).toHaveCount(1);
  await expect(region.getByRole('link', { name: /North Korea’s top diplomat/u })).toBeVisible();

  await putReadingRecords(
    page,
    [older, 'gone/story'].map((storyId) => ({
      storyId,
      read: false,
      paragraph: 4,
      progress: 0.5,
      updated: '2026-01-01T00:00:00.000Z',
    })),
  );
  await page.reload();
  // Last read first; the story no longer in the archive is left out.
  const links = region.getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveAttribute('href', `/story/${begun}`);
  await expect(links.nth(1)).toHaveAttribute('href', `/story/${older}`);
  await expect(links.nth(1)).toContainText('50% read');
  await expect(page.getByText(/Not available here yet/u)).toHaveCount(0);
  await expectNoAxeViolations(page, 'archive library, continue reading');

  await links.nth(0).click();
  await expect(page.getByText(/Back where you stopped, at paragraph \d+/u)).toBeVisible();
});
