import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dragSelect, openStory } from './support/reader';

/**
 * When storage fails the reader is told, and nothing typed is lost: the note stays in the editor,
 * the notebook keeps it in memory, and export still works.
 */

async function exportJson(page: Page) {
  await page.getByRole('link', { name: 'Notebook', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON-LD' }).click(),
  ]);
  return readFileSync((await download.path())!, 'utf8');
}

async function refusedStorageJourney(page: Page) {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await openStory(page);
  await dragSelect(page, 2, 'Putin thanked Kim for the support');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('textbox', { name: /Note/u }).fill('Kept only while this tab is open');
  const alert = page
    .getByRole('alert')
    .filter({ hasText: /does not let Dispatch keep a notebook/u });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('export your notebook');
  await expect(page.getByRole('textbox', { name: /Note/u })).toHaveValue(
    'Kept only while this tab is open',
  );
  // The message makes the editor taller: it stays whole inside the window (a fixed popover
  // cannot be scrolled to, so a Done button under the window's edge could never be pressed).
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('mark[data-highlight]').first()).toBeVisible();
  const file = await exportJson(page);
  expect(file).toContain('Kept only while this tab is open');
  expect(file).toContain('Putin thanked Kim for the support');
}

test('IndexedDB refused (a private window): a clear message, highlights and notes kept for the tab, export works', async ({
  page,
}) => refusedStorageJourney(page));

test.describe('in a short window (480 px)', () => {
  test.use({ viewport: { width: 1280, height: 480 } });
  test('the highlight editor grown by the storage message stays on screen, Done reachable', async ({
    page,
  }) => refusedStorageJourney(page));
});

test('the disk fills while a note is typed: told in the editor, the note stays, saved on retry', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { failWrites: boolean };
    w.failWrites = false;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        ...args: [unknown, IDBValidKey?]
      ) {
        if (w.failWrites && this.name === 'annotations') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      };
    }
  });
  await openStory(page);
  await dragSelect(page, 5, 'heavy UN Security Council economic sanctions');
  await page.getByRole('button', { name: 'Highlight pink' }).click();
  await expect(page.locator('mark[data-highlight]').first()).toBeVisible();

  await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = true));
  await page.locator('mark[data-highlight]').first().click();
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await editor.getByRole('textbox', { name: /Note/u }).fill('Typed while the disk was full');
  await expect(editor.getByRole('alert')).toContainText('Not saved');
  await expect(editor.getByRole('alert')).toContainText('Your note stays here');
  await expect(editor.getByRole('textbox', { name: /Note/u })).toHaveValue(
    'Typed while the disk was full',
  );
  await expect(
    page.getByRole('alert').filter({ hasText: /storage for this site is full/u }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  expect(await exportJson(page)).toContain('Typed while the disk was full');

  // Space freed: "Try saving again" saves it, and a reload reads it back.
  await page.evaluate(() => ((window as unknown as { failWrites: boolean }).failWrites = false));
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /full/u })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('Typed while the disk was full')).toBeVisible();
});
