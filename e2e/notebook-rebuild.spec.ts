import { expect, test } from '@playwright/test';
import { dragSelect, highlightText, openStory } from './support/reader';
import { serveEdited } from './support/rebuilt-folder';

/**
 * Highlights survive edits of the folder: re-anchored where their words still are, orphaned (and
 * listed, never dropped) where they are gone, and re-attachable.
 */
test.use({ serviceWorkers: 'block' });

const FILE = '002_54c47fb4e1efd86c';
const QUOTE = 'an arms arrangement in which North Korea provides Russia with munitions';

async function highlightWithNote(page: import('@playwright/test').Page) {
  await openStory(page);
  await dragSelect(page, 3, QUOTE);
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByRole('textbox', { name: /Note/u }).fill('Shells for technology.');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('mark[data-highlight]').first()).toBeVisible();
  expect(await highlightText(page)).toBe(QUOTE);
}

test('a rebuild with the story edited before and inside the highlight re-anchors it', async ({
  page,
}) => {
  await highlightWithNote(page);
  await serveEdited(page, FILE, (text) =>
    text
      .replace('Putin thanked Kim', 'A correction was added here.\nPutin thanked Kim')
      .replace('provides Russia with munitions', 'supplies Russia with munitions'),
  );
  await page.reload();
  // The line added before is a paragraph of its own (this file has one paragraph a line).
  await expect(page.locator('#p2')).toHaveText('A correction was added here.');
  await expect(page.locator('mark[data-highlight]').first()).toBeVisible();
  expect(await highlightText(page)).toBe(
    'an arms arrangement in which North Korea supplies Russia with munitions',
  );
  await page.getByText(/Your highlights \(1\)/u).click();
  await expect(page.getByText('re-anchored: the text changed since')).toBeVisible();
});

test('a rebuild without the paragraph orphans the highlight: listed with its note, re-attachable', async ({
  page,
}) => {
  await highlightWithNote(page);
  await serveEdited(page, FILE, (text) =>
    text
      .split('\n')
      .filter((line) => !line.includes('arms arrangement'))
      .join('\n'),
  );
  await page.reload();
  await expect(page.getByText(/could not be placed/u)).toBeVisible();
  await expect(page.locator('mark[data-highlight]')).toHaveCount(0);

  await page.getByRole('link', { name: 'Notebook', exact: true }).click();
  const orphans = page.getByRole('region', { name: /Orphaned highlights \(1\)/u });
  await expect(orphans).toBeVisible();
  await expect(orphans.getByText(QUOTE)).toBeVisible();
  await expect(orphans.getByText('Shells for technology.')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('orphans.png'), fullPage: true });

  // Re-attach: back in the story, select the words it belongs to now.
  await orphans.getByRole('link', { name: /Re-attach/u }).click();
  await expect(page.getByText(/Re-attaching “an arms arrangement/u)).toBeVisible();
  await dragSelect(page, 4, 'North Korea is under heavy UN Security Council economic sanctions');
  await page.getByRole('button', { name: 'Attach here' }).click();
  await expect(page.locator('mark[data-highlight]').first()).toBeVisible();
  expect(await highlightText(page)).toBe(
    'North Korea is under heavy UN Security Council economic sanctions',
  );
  await page.getByRole('link', { name: 'Notebook', exact: true }).click();
  await expect(page.getByRole('region', { name: /Orphaned highlights/u })).toHaveCount(0);
  await expect(page.getByText('Shells for technology.')).toBeVisible();
});
