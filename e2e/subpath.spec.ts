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

test('every story has its own page with link-preview tags that boots the app', async ({
  page,
  request,
}) => {
  const res = await request.get('/reader/story/003_94fd4063dbc03a91~2');
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain('<meta property="og:title" content="Weather and runway conditions');
  expect(html).toMatch(
    /<meta property="og:description" content="Weather and runway conditions[^"]*"/u,
  );
  expect(html).toContain('<title>Weather and runway conditions');
  await page.goto('/reader/story/003_94fd4063dbc03a91~2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Weather and runway conditions',
  );
});
