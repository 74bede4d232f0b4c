import { expect, test } from '@playwright/test';

const PUTIN = '/story/000_359807c817cdce2f';

test('the Putin story shows its thread above the related list, and no unrelated brief', async ({
  page,
}) => {
  await page.goto(PUTIN);
  const thread = page.getByRole('region', { name: 'In this thread' });
  await expect(
    thread.getByRole('link', { name: /Kim Jong-un promised full support/u }),
  ).toBeVisible();
  await expect(thread.getByRole('link', { name: /ready to greet/u })).toBeVisible();
  await expect(thread.getByRole('listitem')).toHaveCount(2);
  const related = page.getByRole('complementary', { name: 'Related stories' });
  await expect(related.getByText('No closely related stories.')).toBeVisible();

  await thread.getByRole('link', { name: /The whole thread \(3 stories\)/u }).click();
  await expect(page).toHaveURL(/\/thread\/000_359807c817cdce2f$/u);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    /Putin|Kim Jong-un|diplomat/u,
  );
  const stories = page.getByRole('region', { name: 'Stories' });
  await expect(stories.getByRole('listitem')).toHaveCount(3);
  await expect(
    page.getByRole('region', { name: 'About' }).getByRole('link', { name: /Vladimir Putin/u }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
});

test('the library by thread: a row per thread that opens to its stories', async ({ page }) => {
  await page.goto('/?view=threads');
  await expect(page.getByRole('link', { name: 'Threads' })).toHaveAttribute('aria-current', 'page');
  const toggle = page.getByRole('button', { name: /Show the 3 stories of/u });
  await expect(toggle).toBeVisible();
  await toggle.press('Enter');
  await expect(page.getByRole('button', { name: /Hide the 3 stories of/u })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await page.getByRole('link', { name: /ready to greet/u }).click();
  await expect(page).toHaveURL(/\/story\/003_94fd4063dbc03a91$/u);
  await page.goBack();
  await page.getByRole('link', { name: 'Stories' }).click();
  await expect(page).not.toHaveURL(/view=threads/u);
});

test('an unknown thread gets the not-found page', async ({ page }) => {
  await page.goto('/thread/no-such-thread');
  await expect(page.getByRole('heading', { name: 'There is no such thread' })).toBeVisible();
});
