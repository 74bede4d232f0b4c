import { expect, test } from '@playwright/test';
import { installFakeSpeech, saying } from './support/fake-speech';
import { storyHref } from './hostile-helpers';

/**
 * Listen on the hostile folder's 20 MB one-line file (~8,700 paragraphs), whose text renders in
 * slices: it can go past the paragraphs rendered so far, and the one it reads is rendered,
 * marked and brought into view.
 */

// A trace snapshots the 20 MB DOM at every step.
test.use({ trace: 'off' });

test('Listen reads on past the slices of a long story that have rendered', async ({ page }) => {
  test.setTimeout(90_000);
  // Hold back the idle periods that render the rest of the text: only Listen can bring it in.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
    window.cancelIdleCallback = () => {};
  });
  await installFakeSpeech(page);
  await page.goto(storyHref('huge-one-line.txt'));
  await expect(page.locator('#p1')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^Paragraphs [\d,]+–[\d,]+ are on their way/u)).toBeVisible();
  const rendered = await page.locator('[data-story-text] [data-paragraph]').count();
  expect(rendered).toBeLessThan(100);

  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(page.locator('#p1')).toHaveAttribute('data-listening');
  const next = page.getByRole('group', { name: 'Listen' }).getByRole('button', {
    name: 'Next paragraph',
  });
  for (let i = 0; i < rendered; i++) await next.click();

  const beyond = page.locator(`#p${rendered + 1}`);
  await expect(beyond).toHaveAttribute('data-listening');
  await expect(beyond).toBeInViewport();
  const text = (await beyond.textContent())!;
  const now = await saying(page);
  expect(now).toBeTruthy();
  expect(text.startsWith(now!)).toBe(true);
});
