import { expect, test, type Page } from '@playwright/test';

const STORY = '/story/002_54c47fb4e1efd86c';

async function articleText(page: Page) {
  return page.locator('[data-story-text]').evaluate((el) => el.textContent);
}

test('mentions are highlighted without changing a character of the text', async ({ page }) => {
  await page.goto(STORY);
  const legend = page.getByRole('group', { name: 'Highlighted names' });
  await expect(legend.getByRole('button', { name: /People \d+/u })).toBeVisible();
  const putin = page
    .locator('mark[data-entity="person"][data-entity-id="person/vladimir-putin"]')
    .first();
  await expect(putin).toHaveAccessibleName('Vladimir Putin, person');
  // A short form's name starts with what is on screen, then says who it is.
  await expect(
    page.locator('mark[data-entity-id="person/vladimir-putin"]', { hasText: /^Putin$/u }).first(),
  ).toHaveAccessibleName('Putin, person: Vladimir Putin');
  await expect(page.locator('mark[data-entity-id="place/pyongyang"]').first()).toHaveAttribute(
    'data-entity',
    'place',
  );
  await expect(page.locator('mark[data-entity="organization"]').first()).toBeVisible();
  // "Russian" is a nationality, not a place.
  await expect(page.locator('mark[data-entity]', { hasText: /^Russian$/u })).toHaveCount(0);

  const highlighted = await articleText(page);
  for (const name of ['People', 'Places', 'Organizations']) {
    await legend.getByRole('button', { name: new RegExp(name, 'u') }).click();
  }
  await expect(page.locator('[data-story-text] mark[data-entity]')).toHaveCount(0);
  expect(await articleText(page)).toBe(highlighted);

  await legend.getByRole('button', { name: /People/u }).click();
  await expect(legend.getByRole('button', { name: /People/u })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('[data-story-text] mark[data-entity="person"]').first()).toBeVisible();
  await expect(page.locator('[data-story-text] mark[data-entity="place"]')).toHaveCount(0);
});

test('a mention opens a card: other names, previous/next mention, other stories', async ({
  page,
}) => {
  await page.goto(STORY);
  const first = page.locator('mark[data-entity-id="person/kim-jong-un"]').first();
  await first.focus();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: 'Kim Jong-un, person' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Also:')).toBeVisible();
  await expect(card.getByText(/^1 of \d+ here$/u)).toBeVisible();
  await card.getByRole('button', { name: 'Next mention →' }).click();
  await expect(card.getByText(/^2 of \d+ here$/u)).toBeVisible();
  // Other stories appear once the folder has been analysed.
  await expect(card.getByRole('link', { name: /North Korea’s top diplomat/u })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(page.locator('mark[data-entity-id="person/kim-jong-un"]').nth(1)).toBeFocused();

  await page.locator('mark[data-entity-id="person/vladimir-putin"]').first().click();
  await page
    .getByRole('dialog')
    .getByRole('link', { name: /Everything about Vladimir Putin/u })
    .click();
  await expect(page).toHaveURL(/\/entity\/person\/vladimir-putin$/u);
});

test('an entity page lists the stories and sentences naming it, and its companions', async ({
  page,
}) => {
  await page.goto('/entity/person/vladimir-putin');
  await expect(page.getByRole('heading', { level: 1, name: 'Vladimir Putin' })).toBeVisible();
  await expect(page).toHaveTitle('Vladimir Putin · Dispatch');
  await expect(page.getByText(/mentions in 3 stories$/u)).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2 }).filter({ hasText: 'Kim Jong-un promised' }),
  ).toBeVisible();
  await expect(
    page.locator('li mark[data-entity-id="person/vladimir-putin"]').first(),
  ).toBeVisible();
  const companions = page.getByRole('complementary', { name: 'Often mentioned with' });
  await companions.getByRole('link', { name: /Kim Jong-un/u }).click();
  await expect(page).toHaveURL(/\/entity\/person\/kim-jong-un$/u);

  await page.goto('/entity/person/nobody-at-all');
  await expect(
    page.getByRole('heading', { name: /There is no such person, place or organization/u }),
  ).toBeVisible();
});

test('the library filters by entities (AND) with live counts, kept in the URL', async ({
  page,
}) => {
  await page.goto('/?entity=person/vladimir-putin');
  const list = page.getByRole('list', { name: 'Stories' });
  await expect(list.getByRole('link')).toHaveCount(3);
  await page.getByRole('button', { name: /^Kim Jong-un 3 stories, person: add filter$/u }).click();
  await expect(page).toHaveURL(
    /entity=person%2Fvladimir-putin&entity=person%2Fkim-jong-un|entity=person\/vladimir-putin&entity=person\/kim-jong-un/u,
  );
  await expect(list.getByRole('link')).toHaveCount(3);

  await page.getByRole('button', { name: 'Remove filter Vladimir Putin' }).click();
  await page.getByRole('button', { name: 'Remove filter Kim Jong-un' }).click();
  await expect(list.getByRole('link')).toHaveCount(15);

  const box = page.getByRole('combobox', { name: 'Filter by person, place or organization' });
  await box.fill('trump');
  await page.getByRole('option', { name: /Donald Trump/u }).click();
  await expect(list.getByRole('link')).toHaveCount(2);
  await expect(page).toHaveURL(/entity=person(%2F|\/)donald-trump/u);
});

test('keyboard only: the names are one tab stop, arrows and [ ] move between them, Tab moves on', async ({
  page,
}) => {
  await page.goto(STORY);
  await expect(page.getByText('Finding names…')).toHaveCount(0, { timeout: 20_000 });
  const names = page.locator('[data-story-text] mark[data-entity-id]');
  await expect(names.first()).toBeVisible();
  const count = await names.count();
  expect(count).toBeGreaterThan(10);
  const focusedName = () =>
    page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('[data-story-text] mark[data-entity-id]'));
      return all.indexOf(document.activeElement as Element);
    });

  // Tab from the top of the page reaches the first name after the story's own controls.
  let tabs = 0;
  while ((await focusedName()) < 0 && tabs < 20) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(await focusedName()).toBe(0);
  // Screen readers still hear each name: a button whose name starts with what is on screen.
  const first = names.first();
  await expect(first).toHaveAccessibleName(new RegExp(`^${await first.textContent()}, `, 'u'));
  await expect(page.getByText(/^Names: arrow keys or \[ and \] move/u)).toBeVisible();

  await page.keyboard.press('ArrowRight');
  expect(await focusedName()).toBe(1);
  await page.keyboard.press(']');
  expect(await focusedName()).toBe(2);
  await page.keyboard.press('[');
  expect(await focusedName()).toBe(1);
  await page.keyboard.press('End');
  expect(await focusedName()).toBe(count - 1);
  await page.keyboard.press('Home');
  expect(await focusedName()).toBe(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');

  // One Tab leaves the names for the paragraph links, which are one stop too (↑ ↓ move).
  await page.keyboard.press('Tab');
  const link1 = page.getByRole('button', { name: 'Copy link to paragraph 1', exact: true });
  await expect(link1).toBeFocused();
  await expect(page.getByText(/^Paragraph links: arrow keys move/u)).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('button', { name: 'Copy link to paragraph 2', exact: true }),
  ).toBeFocused();

  // One more Tab and the pager has focus: no stop per name or paragraph on the way.
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('navigation', { name: 'More stories' }).getByRole('link').first(),
  ).toBeFocused();
  // Shift+Tab back: each stop remembers where it was left.
  await page.keyboard.press('Shift+Tab');
  await expect(
    page.getByRole('button', { name: 'Copy link to paragraph 2', exact: true }),
  ).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toBe(2);

  // From anywhere else in the story, ] goes to a name on screen.
  await page.getByRole('button', { name: /^People/u }).focus();
  await page.keyboard.press(']');
  expect(await focusedName()).toBeGreaterThanOrEqual(0);
});
