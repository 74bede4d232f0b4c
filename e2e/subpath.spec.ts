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

test.describe('deep link without the manifest', () => {
  // page.route cannot see requests a service worker answers.
  test.use({ serviceWorkers: 'block' });

  test('a story page fetches its own file at boot: it paints before the folder manifest arrives', async ({
    page,
  }) => {
    // Hold the manifest back until the story has painted; the page's file hint must be enough.
    let releaseManifest: () => void = () => undefined;
    const held = new Promise<void>((r) => (releaseManifest = r));
    await page.route('**/seeds-manifest.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/reader/story/003_94fd4063dbc03a91~2');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'Weather and runway conditions',
    );
    releaseManifest();
    // Once the manifest is there, the rest of the app follows (the library link, the folder).
    await page.getByRole('link', { name: 'Dispatch' }).click();
    await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(15);
  });
});
