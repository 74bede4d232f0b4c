import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { openStory } from './support/reader';

/**
 * The `Aa` menu of the reading view: size (5 steps), serif or sans, line width. Reached and used
 * from the keyboard, kept per browser, harmless when the browser refuses to store it, and the
 * text stays within a readable measure at every setting.
 */

/** Paragraph 1 as laid out: its font, and how many characters of its text a line holds. */
function textLayout(page: Page) {
  return page.locator('#p1').evaluate((p) => {
    // The paragraph's own text on one line gives its average character width in this font.
    const probe = document.createElement('span');
    probe.textContent = p.textContent;
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
    p.parentElement!.append(probe);
    const perChar = probe.getBoundingClientRect().width / (p.textContent?.length ?? 1);
    probe.remove();
    const s = getComputedStyle(p);
    return {
      fontSize: parseFloat(s.fontSize),
      fontFamily: s.fontFamily,
      charsPerLine: p.clientWidth / perChar,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

function aa(page: Page) {
  return page.getByRole('button', { name: 'Aa text settings' });
}

test('Aa from the keyboard: size, typeface and width apply at once, Esc returns to Aa, and they stay', async ({
  page,
}) => {
  await openStory(page);
  const before = await textLayout(page);
  expect(before.fontSize).toBe(19);
  expect(before.fontFamily).toMatch(/Iowan/u);

  // Tab reaches Aa after the story's other actions (Copy link, and Share… where there is one).
  await page.getByRole('button', { name: 'Copy link', exact: true }).focus();
  for (let i = 0; i < 3 && !(await aa(page).evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(aa(page)).toBeFocused();
  await expect(aa(page)).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Text settings' });
  await expect(panel).toBeVisible();
  await expect(aa(page)).toHaveAttribute('aria-expanded', 'true');
  const size = panel.getByRole('slider', { name: 'Size' });
  await expect(size).toBeFocused();
  await expect(size).toHaveAttribute('aria-valuetext', 'Medium, 3 of 5');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(size).toHaveAttribute('aria-valuetext', 'Largest, 5 of 5');
  await expect.poll(async () => (await textLayout(page)).fontSize).toBe(24);

  await page.keyboard.press('Tab');
  await expect(panel.getByRole('radio', { name: 'Serif' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('radio', { name: 'Sans' })).toBeChecked();
  await expect.poll(async () => (await textLayout(page)).fontFamily).toMatch(/^system-ui/u);
  // The title follows the typeface; the interface around it does not.
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('font-family', /^system-ui/u);

  await page.keyboard.press('Tab');
  await expect(panel.getByRole('radio', { name: 'Normal' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByRole('radio', { name: 'Narrow' })).toBeChecked();

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(aa(page)).toBeFocused();
  const after = await textLayout(page);
  expect(after).toMatchObject({ fontSize: 24, overflow: 0 });

  // Kept per browser: a reload (or another story) reads them back.
  await page.reload();
  await expect(page.locator('#p1')).toBeVisible();
  expect(await textLayout(page)).toMatchObject({ fontSize: 24, fontFamily: after.fontFamily });

  // Reset brings the defaults back; a click elsewhere closes the panel.
  await aa(page).click();
  await expect(panel.getByRole('radio', { name: 'Narrow' })).toBeChecked();
  await panel.getByRole('button', { name: 'Reset' }).click();
  await expect(panel.getByRole('radio', { name: 'Normal' })).toBeChecked();
  await expect(panel.getByRole('button', { name: 'Reset' })).toBeDisabled();
  await page.locator('#p2').click();
  await expect(panel).toBeHidden();
  expect(await textLayout(page)).toMatchObject({ fontSize: 19, fontFamily: before.fontFamily });
});

test('every setting keeps the text within a readable measure, and the widths differ', async ({
  page,
}) => {
  await openStory(page);
  await aa(page).click();
  const panel = page.getByRole('dialog', { name: 'Text settings' });
  const perWidth: Record<string, number> = {};
  for (const size of [0, 2, 4])
    for (const font of ['Serif', 'Sans'])
      for (const width of ['Narrow', 'Normal', 'Wide']) {
        await panel.getByRole('slider', { name: 'Size' }).fill(String(size));
        await panel.getByText(font, { exact: true }).click();
        await panel.getByText(width, { exact: true }).click();
        await expect(page.locator('article')).toHaveAttribute(
          'data-text-width',
          width.toLowerCase(),
        );
        await expect(page.locator('article')).toHaveAttribute('data-text-font', font.toLowerCase());
        const t = await textLayout(page);
        const what = `${size} ${font} ${width}: ${t.charsPerLine.toFixed(0)} characters a line`;
        expect(t.fontSize, what).toBe([16, 17.5, 19, 21, 24][size]);
        expect(t.charsPerLine, what).toBeGreaterThanOrEqual(45);
        expect(t.charsPerLine, what).toBeLessThanOrEqual(90);
        expect(t.overflow, what).toBe(0);
        if (size === 2 && font === 'Serif') perWidth[width] = t.charsPerLine;
      }
  expect(perWidth.Narrow).toBeLessThan(perWidth.Normal! - 5);
  expect(perWidth.Normal).toBeLessThan(perWidth.Wide! - 5);
});

test('a browser that refuses to store the settings still applies them, without an error', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Storage.prototype.setItem = refuse;
    Storage.prototype.removeItem = refuse;
  });
  await openStory(page);
  await aa(page).click();
  const panel = page.getByRole('dialog', { name: 'Text settings' });
  await panel.getByText('Sans', { exact: true }).click();
  await panel.getByRole('slider', { name: 'Size' }).fill('0');
  await expect.poll(async () => (await textLayout(page)).fontSize).toBe(16);
  expect((await textLayout(page)).fontFamily).toMatch(/^system-ui/u);
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel).toBeHidden();
  await expect(aa(page)).toBeFocused();
  // Nothing was stored, so a new visit starts from the defaults.
  await page.reload();
  await expect(page.locator('#p1')).toBeVisible();
  expect(await textLayout(page)).toMatchObject({ fontSize: 19 });
  expect(errors).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the story with the text settings open, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openStory(page);
    await expect(page.locator('mark[data-entity-id]').first()).toBeVisible();
    await aa(page).click();
    await expect(page.getByRole('dialog', { name: 'Text settings' })).toBeVisible();
    await expectNoAxeViolations(page, `text settings, ${scheme}`);
  });
}

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the panel fits the screen and the largest size does not overflow it', async ({ page }) => {
    await openStory(page);
    await aa(page).tap();
    const panel = page.getByRole('dialog', { name: 'Text settings' });
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await expect(panel.getByText(/line width applies on wider ones/u)).toBeVisible();
    await panel.getByRole('slider', { name: 'Size' }).fill('4');
    await panel.getByText('Wide', { exact: true }).tap();
    await expect.poll(async () => (await textLayout(page)).fontSize).toBe(24);
    expect((await textLayout(page)).overflow).toBe(0);
    await expectNoAxeViolations(page, 'text settings on a phone');
  });
});
