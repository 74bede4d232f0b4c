import { expect, test, type Page, type Route } from '@playwright/test';
import { expectNoAxeViolations as expectNoViolations } from './support/axe';

/**
 * Every keyboard and screen reader: axe finds no violations on each page in light and dark, and
 * the keyboard journeys (skip link, entity card, search palette) keep focus where it belongs.
 */
const STORY = '/story/002_54c47fb4e1efd86c';

/** The story with its entity highlights drawn: the legend's counts are in. */
async function openStoryWithHighlights(page: Page) {
  await page.goto(STORY);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kim Jong-un');
  await expect(page.getByText('Finding names…')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('mark[data-entity-id]').first()).toBeVisible();
}

async function openPalette(page: Page) {
  await page.keyboard.press('/');
  const palette = page.getByRole('dialog', { name: 'Search stories' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('putin');
  await expect(palette.getByRole('option').first()).toBeVisible();
  return palette;
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${scheme}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
    });

    test('library', async ({ page }) => {
      await page.goto('/');
      await expect(
        page.getByRole('list', { name: 'Stories' }).getByRole('link').first(),
      ).toBeVisible();
      await expectNoViolations(page, `library, ${scheme}`);
    });

    test('story with entity highlights', async ({ page }) => {
      await openStoryWithHighlights(page);
      await expectNoViolations(page, `story, ${scheme}`);
    });

    test('story with search hits', async ({ page }) => {
      await page.goto(`${STORY}?q=putin`);
      const hits = page.getByRole('group', { name: 'Search hits' });
      await expect(hits.getByText(/\d+ hits$/u)).toBeVisible();
      await expectNoViolations(page, `story with hits, ${scheme}`);
    });

    test('entity page', async ({ page }) => {
      await page.goto('/entity/person/vladimir-putin');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Putin');
      await expect(page.getByText(/Putin/u).nth(2)).toBeVisible();
      await expectNoViolations(page, `entity page, ${scheme}`);
    });

    test('search results page', async ({ page }) => {
      await page.goto('/search?q=putin');
      await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
      await expect(page.getByRole('link', { name: /Putin/u }).first()).toBeVisible();
      await expectNoViolations(page, `results page, ${scheme}`);
    });

    test('thread page and the library by thread', async ({ page }) => {
      await page.goto('/thread/000_359807c817cdce2f');
      await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
      await expectNoViolations(page, `thread page, ${scheme}`);
      await page.goto('/?view=threads');
      await page.getByRole('button', { name: /Show the 3 stories of/u }).click();
      await expect(page.getByRole('button', { name: /Hide the 3 stories/u })).toBeVisible();
      await expectNoViolations(page, `threads view, ${scheme}`);
    });

    test('open search palette', async ({ page }) => {
      await page.goto('/');
      await expect(
        page.getByRole('list', { name: 'Stories' }).getByRole('link').first(),
      ).toBeVisible();
      await openPalette(page);
      await expectNoViolations(page, `palette, ${scheme}`);
    });
  });
}

test('skip link: the first Tab shows it, Enter moves focus to the main content', async ({
  page,
}) => {
  await page.goto(STORY);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#content')).toBeFocused();
});

test('focus is visible on links and buttons', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link').first()).toBeVisible();
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return {
        tag: el.tagName,
        style: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
        shadow: s.boxShadow,
      };
    });
    expect(
      (outline.style !== 'none' && outline.width > 0) || outline.shadow !== 'none',
      `focus ring on ${outline.tag}`,
    ).toBe(true);
  }
});

test('entity card: Tab to a name, Enter opens its card, Esc closes it and focus returns', async ({
  page,
}) => {
  await openStoryWithHighlights(page);
  const first = page.locator('mark[data-entity-id]').first();
  // Tab until a highlighted name has focus (keyboard only).
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.matches('mark[data-entity-id]'))) break;
  }
  const focused = page.locator('mark[data-entity-id]:focus');
  await expect(focused).toHaveCount(1);
  const name = (await focused.textContent())!.trim();
  const id = await focused.getAttribute('data-entity-id');
  expect(await first.getAttribute('data-entity-id')).toBeTruthy();
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: name.split(/\s/u)[0]! });
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(page.locator(`mark[data-entity-id="${id}"]:focus`)).toHaveCount(1);
});

test('search palette traps focus while open and gives it back on close', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Stories' }).getByRole('link').first()).toBeVisible();
  const trigger = page.getByRole('button', { name: /Search/u }).first();
  await trigger.focus();
  await page.keyboard.press('Enter');
  const palette = page.getByRole('dialog', { name: 'Search stories' });
  await expect(palette).toBeVisible();
  await page.keyboard.type('putin');
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(
      await palette.evaluate((el) => el.contains(document.activeElement)),
      `focus inside the palette after ${i + 1} tabs`,
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(trigger).toBeFocused();
});

test.describe('reduced motion', () => {
  // page.route cannot see requests a service worker answers.
  test.use({ serviceWorkers: 'block' });
  test('transitions are cut to nothing', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Hold the folder's packs and files back so the loading bar (it animates its width) stays.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await page.route('**/seeds-packs/**', hold);
    await page.route('**/seeds/003_94fd4063dbc03a91.txt', hold);
    await page.goto('/');
    const bar = page.getByRole('progressbar', { name: 'Loading the folder' }).locator('div');
    await expect(bar).toBeAttached();
    const duration = await bar.evaluate((el) => getComputedStyle(el).transitionDuration);
    expect(parseFloat(duration)).toBeLessThan(0.001);
    // And the same element animates when motion is welcome (so the check above means something).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(
      parseFloat(await bar.evaluate((el) => getComputedStyle(el).transitionDuration)),
    ).toBeGreaterThan(0.01);
    release();
  });
});
