import { expect, test } from '@playwright/test';
import { expectNoAxeViolations as expectNoViolations } from './support/axe';
import { dragSelect, openStory } from './support/reader';

/**
 * axe finds nothing on the notebook's surfaces, in light and dark: the open selection toolbar,
 * the highlight editor and the notebook page. Screenshots of each are kept with the results.
 */
for (const scheme of ['light', 'dark'] as const) {
  test(`axe, ${scheme}: toolbar, highlights, editor and the notebook page`, async ({ page }) => {
    // Four highlights and four axe runs: 20–22 s alone at load 15, over the 30 s limit when
    // two workers share the machine with other suites.
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    await openStory(page);
    await expect(page.locator('mark[data-entity-id]').first()).toBeVisible({ timeout: 20_000 });
    // Highlights of every colour, one inside names, one with a note.
    const phrases: [number, string, RegExp][] = [
      [1, 'promised full support for Russia’s war', /yellow/u],
      [2, 'Putin thanked Kim for the support', /green/u],
      [3, 'an arms arrangement in which North Korea', /blue/u],
    ];
    for (const [n, phrase, color] of phrases) {
      await dragSelect(page, n, phrase);
      await page.getByRole('button', { name: color }).click();
    }
    await dragSelect(page, 5, 'heavy UN Security Council economic sanctions');
    await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`toolbar-${scheme}.png`) });
    await expectNoViolations(page, `open toolbar, ${scheme}`);

    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('textbox', { name: /Note/u }).fill('Which **resolutions**?');
    await expect(page.getByRole('dialog', { name: 'Highlight' }).getByText('Saved')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`editor-${scheme}.png`) });
    await expectNoViolations(page, `highlight editor, ${scheme}`);
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: 'Notebook', exact: true }).click();
    await expect(page.getByText('4 highlights in 1 story, 1 with notes.')).toBeVisible();
    await page.screenshot({
      path: test.info().outputPath(`notebook-${scheme}.png`),
      fullPage: true,
    });
    await expectNoViolations(page, `notebook page, ${scheme}`);
  });
}
