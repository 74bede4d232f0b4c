import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { guard, storyHref } from './hostile-helpers';
import {
  HOSTILE_TEXT,
  OUTSIDE_MARKER,
  SKIPPED_ENTRIES,
  // @ts-expect-error plain ESM fixture generator (also run by `npm run build:hostile`)
} from './fixtures/make-hostile-folder.mjs';

/**
 * A folder nobody curated (e2e/fixtures/make-hostile-folder.mjs, built into dist-hostile/):
 * markup, script URLs, entities, bidi overrides, zero-width characters, NUL bytes, a 20 MB line
 * (huge-file.spec.ts),
 * an empty and a binary file, odd file names; and odd entries: links out of the folder, a FIFO, a
 * link inside, a broken link, a link loop. Nothing may run, nothing may crash, every readable
 * character must be on the page, and nothing from outside the folder may be published.
 */
const texts = HOSTILE_TEXT as Record<string, string>;
const skipped = SKIPPED_ENTRIES as Record<string, string>;
const distHostile = fileURLToPath(new URL('../dist-hostile', import.meta.url));
/**
 * Whitespace-insensitive (the page lays paragraphs out, and splits very long ones, marking each
 * with a ¶ link), but not character-insensitive: nothing may be dropped or changed.
 */
const squash = (s: string) => s.replace(/[\s¶]+/gu, '');

/** Where `needle` is missing from `hay`, briefly (the texts are too long to print). */
function missing(hay: string, needle: string): string | null {
  if (hay.includes(needle)) return null;
  let n = 0;
  while (n < needle.length && hay.includes(needle.slice(0, n + 1))) n++;
  return `only the first ${n} of ${needle.length} characters are shown; then ${JSON.stringify(needle.slice(n, n + 40))}`;
}

test('the library reads every file and notes the odd ones', async ({ page }) => {
  test.setTimeout(90_000);
  const g = guard(page);
  await page.goto('/');
  // 2 seed files, the text files above, NUL, empty, binary and the 20 MB file (notes.md is no
  // article, and none of the skipped entries: inside-link.txt is emoji.txt, read once).
  const files = Object.keys(texts).length + 6;
  await expect(page.getByText(new RegExp(`stories .* from ${files} files`, 'u'))).toBeVisible({
    timeout: 60_000,
  });
  const stories = page.getByRole('list', { name: 'Stories' });
  // The good files still work (the list is virtual: only its first rows are in the page).
  await expect(stories.locator('a[href="/story/002_54c47fb4e1efd86c"]')).toHaveCount(1);
  await expect(stories.locator(`a[href="${storyHref('a b.txt')}"]`)).toHaveCount(1);
  await expect(stories.locator(`a[href="${storyHref('Zürich ünïcödé.txt')}"]`)).toHaveCount(1);
  const notes = page
    .locator('details')
    .filter({ hasText: /notes? about files|could not be loaded/u });
  // Notes (nothing failed) are a closed one-line link under the count, not a box over the list.
  await expect(notes).not.toHaveAttribute('open');
  expect((await notes.locator('summary').boundingBox())!.height).toBeLessThan(40);
  await notes.locator('summary').click();
  await expect(notes.getByText(/empty\.txt: The file is empty/u)).toBeVisible();
  await expect(notes.getByText(/binary\.txt: This file looks binary/u)).toBeVisible();
  await expect(notes.getByText(/notes\.md: Not a \.txt file/u)).toBeVisible();
  for (const [entry, note] of Object.entries(skipped))
    await expect(notes.getByText(`${entry}: ${note}`)).toBeVisible();
  await expect(page.getByText(OUTSIDE_MARKER)).toHaveCount(0);
  await g.check();
});

test('nothing from outside the folder is published, and a link out of it is not found', async ({
  page,
  request,
}) => {
  // Every file of the build, the gzip packs unpacked: the links' targets hold the marker.
  const names = await readdir(distHostile, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    const bytes = await readFile(file);
    const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1');
    expect(text.includes(OUTSIDE_MARKER), path.relative(distHostile, file)).toBe(false);
  }
  for (const url of ['/seeds/linked.txt', '/seeds/linked-folder/other.txt', '/seeds/pipe.txt'])
    expect((await request.get(url)).status(), url).toBe(404);
  const g = guard(page);
  await page.goto('/story/linked');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(OUTSIDE_MARKER)).toHaveCount(0);
  await g.check();
});

for (const [file, text] of Object.entries(texts)) {
  test(`${file}: shown as text, whole, and nothing runs`, async ({ page }) => {
    const g = guard(page);
    await page.goto(storyHref(file));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const article = page.locator('article');
    await expect(article).toBeVisible();
    // With the entity layer's marks drawn too (they must not change the text): the app marks
    // `story-highlighted` once the story's names are rendered.
    await page.waitForFunction(
      () => performance.getEntriesByName('dispatch:story-highlighted').length > 0,
    );
    const shown = squash((await page.locator('main').innerText()) ?? '');
    for (const line of text.split('\n').filter(Boolean)) {
      expect(
        missing(shown, squash(line)),
        `${file}: ${JSON.stringify(line.slice(0, 60))}`,
      ).toBeNull();
    }
    await g.check();
  });
}

test('NUL bytes, the empty file and the binary file open with a message, not a crash', async ({
  page,
}) => {
  const g = guard(page);
  await page.goto(storyHref('nul-bytes.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(
    missing(
      squash(await page.locator('main').innerText()),
      squash('Before\u0000the\u0000nul bytes and after them.'),
    ),
  ).toBeNull();
  await page.goto(storyHref('empty.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/The file is empty/u)).toBeVisible();
  await page.goto(storyHref('binary.txt'));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText(/looks binary/u)).toBeVisible();
  await g.check();
});
