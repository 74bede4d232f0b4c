import { expect, test } from '@playwright/test';

// The build made with BASE_PATH=/reader/, served by a plain static host whose unknown paths
// answer with 404.html (as GitHub Pages does): deep links must still open the right story.
test('deep links work under a sub-path on a static host, reload included', async ({ page }) => {
  await page.goto('/reader/story/003_94fd4063dbc03a91#p5');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('North Korea’s top diplomat');
  await expect(page.locator('#p5')).toHaveAttribute('aria-current', 'location');
  await page.reload();
  await expect(page.locator('#p5')).toBeInViewport();
  await page.getByRole('link', { name: 'Dispatch' }).click();
  await expect(page).toHaveURL(/\/reader\/?$/u);
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(15);
});
