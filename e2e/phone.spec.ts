import { expect, test, type Locator } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';

/**
 * A 390 px phone (touch, no hover): paragraph links are there to tap, the entity card is a sheet
 * along the bottom that leaves the name in sight, and the legend's swatches can be told apart.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

const STORY = '/story/002_54c47fb4e1efd86c';

async function box(l: Locator) {
  const b = await l.boundingBox();
  expect(b).not.toBeNull();
  return b!;
}

test('on a phone: tap ¶ to copy a paragraph link, tap a name for a bottom sheet', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(STORY);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kim Jong-un promised');

  // The ¶ link shows without hovering (nothing can hover here) and copies the paragraph's link.
  const copy3 = page.getByRole('button', { name: 'Copy link to paragraph 3', exact: true });
  await copy3.scrollIntoViewIfNeeded();
  await expect(copy3).toBeVisible();
  expect(await copy3.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  const target = await box(copy3);
  expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(24);
  await copy3.tap();
  await expect(
    page.getByRole('status').filter({ hasText: 'Link to paragraph 3 copied' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/#p3$/u);

  // Legend swatches: big enough to see the underline style (organizations' is dashed).
  const legend = page.getByRole('group', { name: 'Highlighted names' });
  const org = legend.getByRole('button', { name: /^Organizations/u });
  await expect(org).toBeVisible();
  const swatch = org.locator('[aria-hidden]').first();
  const s = await box(swatch);
  expect(s.width).toBeGreaterThanOrEqual(24);
  expect(s.height).toBeGreaterThanOrEqual(18);
  expect(await swatch.evaluate((el) => getComputedStyle(el).borderBottomStyle)).toBe('dashed');

  // A name opens its card as a sheet along the bottom, and the name stays in sight above it.
  const name = page.locator('#p4 mark[data-entity-id]').first();
  await name.scrollIntoViewIfNeeded();
  await name.tap();
  const card = page.getByRole('dialog');
  await expect(card).toBeVisible();
  const sheet = await box(card);
  expect(sheet.x).toBe(0);
  expect(sheet.width).toBe(390);
  expect(Math.round(sheet.y + sheet.height)).toBe(844);
  await expect(name).toBeInViewport();
  expect((await box(name)).y + (await box(name)).height).toBeLessThanOrEqual(sheet.y);
  const position = card.getByText(/^\d+ of \d+ here$/u);
  const [at, of] = (await position.textContent())!.match(/\d+/gu)!.map(Number);
  await card.getByRole('button', { name: 'Next mention →' }).tap();
  await expect(position).toHaveText(`${at! === of! ? 1 : at! + 1} of ${of} here`);
  await card.getByRole('button', { name: 'Close' }).tap();
  await expect(card).toBeHidden();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`on a phone, ${scheme}: axe finds nothing with the sheet open`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(STORY);
    const name = page.locator('[data-story-text] mark[data-entity-id]').first();
    await name.tap();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page, `phone, ${scheme}, sheet open`);
  });
}
