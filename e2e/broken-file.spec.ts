import { expect, test } from '@playwright/test';

// One file of the folder fails to load (the server answers 500), and so does the pack that holds
// the folder, so the app falls back to fetching files one by one: every other story must work.
// page.route cannot see requests a service worker answers: keep the PWA out of this one.
test.use({ serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
  await page.route('**/seeds-packs/**', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.route('**/seeds/002_54c47fb4e1efd86c.txt', (route) =>
    route.fulfill({ status: 500, body: 'boom' }),
  );
});

test('a broken file shows an error for that file while the others still work', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('1 file could not be loaded')).toBeVisible();
  await expect(
    page.getByText('002_54c47fb4e1efd86c.txt could not be loaded (HTTP 500).'),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link')).toHaveCount(10);

  await page.goto('/story/002_54c47fb4e1efd86c');
  await expect(page.getByRole('heading', { name: 'This story could not be opened' })).toBeVisible();
  await expect(page.getByText('Every other story in the library still works.')).toBeVisible();

  await page.goto('/story/003_94fd4063dbc03a91#p2');
  await expect(page.locator('#p2')).toHaveAttribute('aria-current', 'location');
});
