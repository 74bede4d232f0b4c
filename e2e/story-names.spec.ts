import { expect, test, type Page, type Route } from '@playwright/test';
import { openStory } from './support/reader';

/**
 * "In this story": the story's people, places and organizations by mention count, above the
 * legend; each opens the name's card, from the mouse or the keyboard.
 */

function list(page: Page) {
  return page.getByRole('list', { name: 'In this story' });
}

/** The names as listed: entity id and the count shown. */
function listed(page: Page) {
  return list(page)
    .locator('button[data-story-name]')
    .evaluateAll((buttons) =>
      buttons.map((b) => ({
        id: (b as HTMLElement).dataset.entityId!,
        count: Number(b.lastElementChild?.textContent),
      })),
    );
}

test('the names of the story, most mentioned first, each counting its marks in the text', async ({
  page,
}) => {
  await openStory(page);
  await expect(list(page).getByRole('listitem').first()).toBeVisible();
  // Every name, not only the first few: the counts are checked against the text's own marks.
  const more = page.getByRole('button', { name: /^Show all \d+$/u });
  if (await more.isVisible()) await more.click();
  const names = await listed(page);
  expect(names.length).toBeGreaterThan(4);
  expect(names.slice(0, 2).map((n) => n.id)).toEqual(
    expect.arrayContaining(['person/vladimir-putin', 'person/kim-jong-un']),
  );
  for (let i = 1; i < names.length; i++)
    expect(names[i]!.count).toBeLessThanOrEqual(names[i - 1]!.count);
  for (const n of names)
    await expect(page.locator(`[data-story-text] mark[data-entity-id="${n.id}"]`)).toHaveCount(
      n.count,
    );
  // Its accessible name starts with what it shows, then says what the number is.
  const putin = list(page).getByRole('button', { name: /^Vladimir Putin \d+ mentions, person$/u });
  await expect(putin).toBeVisible();

  // A click opens the card at the first mention in the text.
  await putin.click();
  const card = page.getByRole('dialog', { name: 'Vladimir Putin, person' });
  await expect(card).toBeVisible();
  await expect(card.getByText(/^1 of \d+ here$/u)).toBeVisible();
  await card.getByRole('button', { name: 'Next mention →' }).click();
  await expect(card.getByText(/^2 of \d+ here$/u)).toBeVisible();
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toBeHidden();
  await expect(putin).toBeFocused();

  // The list follows the legend: hidden people are not listed (they have no mark to open at).
  await page
    .getByRole('group', { name: 'Highlighted names' })
    .getByRole('button', { name: /^People/u })
    .click();
  await expect(putin).toBeHidden();
  await expect(list(page).locator('button[data-story-name]').first()).toBeVisible();
  expect((await listed(page)).every((n) => !n.id.startsWith('person/'))).toBe(true);
});

test('keyboard: the names are one Tab stop, arrows move, Enter opens the card, Esc comes back', async ({
  page,
}) => {
  await openStory(page);
  const items = list(page).locator('button[data-story-name]');
  await expect(items.first()).toBeVisible();
  // Tab from the story's tools (through the text's stops, the pager and into the sidebar on a
  // wide screen) until a listed name has focus: the first one.
  await page.getByRole('button', { name: 'Aa text settings' }).focus();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await items.first().evaluate((el) => el === document.activeElement)) break;
  }
  await expect(items.first()).toBeFocused();
  await expect(page.getByText(/^Names in this story: arrow keys/u)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(items.nth(1)).toBeFocused();
  const second = (await items.nth(1).getAttribute('aria-label'))!.replace(/ \d+ mentions?,/u, ',');
  // One stop: Tab leaves the names (for the legend or "more"), Shift+Tab comes back to this one.
  await page.keyboard.press('Tab');
  await expect(items.nth(1)).not.toBeFocused();
  await expect(items.nth(2)).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(items.nth(1)).toBeFocused();

  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: second });
  await expect(card).toBeVisible();
  await expect(card).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(items.nth(1)).toBeFocused();

  // The `?` overlay lists these keys with the story's others.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('heading', { name: /^In this story/u })).toBeVisible();
  await expect(help.getByText('Open the name’s card at its first mention')).toBeVisible();
});

test.describe('when the names arrive', () => {
  // page.route cannot see what a service worker answers. A phone: the list is above the text
  // there (beside it on wide screens, where it cannot move the text).
  test.use({
    serviceWorkers: 'block',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

  test('the list does not push the text down under the reader', async ({ page }) => {
    // The build's names packs and the entity model are held back: the story shows before its
    // names are known.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await page.route(/\/seeds-packs\/names-[^/]*\.gz$/u, hold);
    await page.route(/\/assets\/ner-model\.bin-[^/]*\.gz$/u, hold);
    await openStory(page);
    await expect(list(page)).toBeAttached();
    await expect(page.locator('mark[data-entity-id]')).toHaveCount(0);
    const top = () => page.locator('#p1').evaluate((p) => p.getBoundingClientRect().top + scrollY);
    const before = await top();
    release();
    await expect(list(page).locator('button[data-story-name]').first()).toBeVisible();
    await expect(page.locator('[data-story-text] mark[data-entity-id]').first()).toBeVisible();
    expect(await top()).toBe(before);
  });
});
