import { expect, test, type Page } from '@playwright/test';
import { KIM, KIM_TITLE, openStory } from './support/reader';

/**
 * Printing a story prints the article alone: its title, source file, address and text, the names
 * as plain text, in ink on paper whatever the theme; none of the reader's tools or navigation.
 */

/** What the page shows around the article, each of which must not print. */
function chrome(page: Page) {
  return {
    'site header': page.getByRole('banner'),
    'search button': page.getByRole('button', { name: /^Search/u }),
    'copy link': page.getByRole('button', { name: 'Copy link' }),
    'text settings': page.getByRole('button', { name: 'Aa text settings' }),
    'names legend': page.getByRole('group', { name: 'Highlighted names' }),
    'in this story': page.getByRole('list', { name: 'In this story' }),
    'mark as read': page.getByRole('button', { name: /^Mark as/u }),
    'paragraph link': page.getByRole('button', { name: 'Copy link to paragraph 1', exact: true }),
    pager: page.getByRole('navigation', { name: 'More stories' }),
    'related sidebar': page.getByRole('complementary', { name: 'Related stories' }),
    'reading progress': page.getByRole('progressbar', { name: 'Reading progress' }),
  };
}

/** Style of the names' marks and of the paragraph around them. */
function markStyles(page: Page) {
  return page.locator('[data-story-text] mark[data-entity-id]').evaluateAll((marks) =>
    marks.map((m) => {
      const s = getComputedStyle(m);
      const p = getComputedStyle(m.closest('p')!);
      return {
        background: s.backgroundColor,
        border: s.borderBottomStyle === 'none' ? 0 : parseFloat(s.borderBottomWidth),
        underline: s.textDecorationLine,
        sameColour: s.color === p.color,
        colour: s.color,
      };
    }),
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`printing a story prints the article only, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openStory(page);
    await expect(page.locator('[data-story-text] mark[data-entity-id]').first()).toBeVisible();
    // A name's card is open when the reader prints: it does not print either.
    await page.locator('mark[data-entity-id="person/kim-jong-un"]').first().click();
    const card = page.getByRole('dialog', { name: 'Kim Jong-un, person' });
    await expect(card).toBeVisible();

    // On screen: the tools are there, the print-only line is not, names are tinted.
    for (const [what, el] of Object.entries(chrome(page)))
      await expect(el.first(), `${what} on screen`).toBeVisible();
    const source = page.getByText('002_54c47fb4e1efd86c.txt', { exact: false });
    await expect(source).toBeHidden();
    expect((await markStyles(page))[0]!.background).not.toBe('rgba(0, 0, 0, 0)');

    await page.emulateMedia({ media: 'print', colorScheme: scheme });
    for (const [what, el] of Object.entries(chrome(page)))
      await expect(el, `${what} in print`).toBeHidden();
    await expect(card).toBeHidden();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(KIM_TITLE);
    await expect(source).toBeVisible();
    await expect(source).toContainText(new URL(KIM, page.url()).href);
    await expect(page.locator('#p1')).toBeVisible();
    await expect(page.locator('#p1')).toHaveCSS('color', 'rgb(0, 0, 0)');
    const last = page.locator('[data-story-text] p[data-paragraph]').last();
    await expect(last).toBeVisible();

    const marks = await markStyles(page);
    expect(marks.length).toBeGreaterThan(5);
    for (const m of marks)
      expect(m).toEqual({
        background: 'rgba(0, 0, 0, 0)',
        border: 0,
        underline: 'none',
        sameColour: true,
        colour: 'rgb(0, 0, 0)',
      });
  });
}
