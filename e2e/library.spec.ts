import { expect, test } from '@playwright/test';

test('the library lists every story, briefs as secondary, and opens one from the keyboard', async ({
  page,
}) => {
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Stories' });
  await expect(list.getByRole('link')).toHaveCount(15);
  await expect(page.getByText('15 stories (3 articles, 12 briefs) from 3 files')).toBeVisible();
  await expect(page).toHaveTitle('Dispatch');

  // A brief shows its kicker and is labelled as an excerpt.
  const brief = list.getByRole('link', { name: /CLASH OF WORDS/u });
  await expect(brief).toContainText('Brief · excerpt');

  // Keyboard: focus the first row, move down twice with the arrow keys, open with Enter.
  await list.getByRole('link').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('j');
  await expect(list.getByRole('link').nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/story\/000_359807c817cdce2f~2$/u);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Beijing has been sending senior Chinese officials/u,
  );
  await expect(page.getByText('CHARM OFFENSIVE').first()).toBeVisible();
});
