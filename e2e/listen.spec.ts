import { expect, test, type Page } from '@playwright/test';
import {
  expectSaying,
  expectSilent,
  finishUtterance,
  installFakeSpeech,
  loadVoices,
  removeSpeech,
  saying,
  spoken,
} from './support/fake-speech';
import { expectNoAxeViolations } from './support/axe';
import { KIM, openStory } from './support/reader';

/**
 * Listen reads a story aloud with the Web Speech API. The browser's synthesizer is replaced by
 * a fake (support/fake-speech.ts) that records what it is asked to say and ends an utterance
 * when the test says so, so these journeys see exactly what would be spoken, and when.
 */

const P1 = 'North Korean leader Kim Jong-un yesterday promised full support';
const P1_REST = 'economic and military cooperation, and display a united front';
const P2 = 'Putin thanked Kim for the support';
const P3 = 'Putin’s visit to Pyongyang comes amid growing concerns';
const NEXT_ARTICLE = 'North Korea’s top diplomat said';

/** Ends every utterance of paragraph `n` (the voice reads it to its end). */
async function finishParagraph(page: Page, n: number) {
  const text = (await page.locator(`#p${n}`).textContent())!;
  for (let now = await saying(page); now && text.includes(now); now = await saying(page)) {
    await finishUtterance(page);
  }
}

const bar = (page: Page) => page.getByRole('group', { name: 'Listen' });
const status = (page: Page, text: string) =>
  page.getByRole('status').filter({ hasText: new RegExp(`^${text}$`, 'u') });

test('Listen reads the story: play, pause and resume, next and previous paragraph, speed', async ({
  page,
}) => {
  await installFakeSpeech(page);
  await openStory(page);
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  // The title repeats the first paragraph here, so the reading starts with that paragraph.
  await expectSaying(page, P1);
  await expect(bar(page).getByRole('button', { name: 'Pause' })).toBeFocused();
  await expect(page.locator('#p1')).toHaveAttribute('data-listening');
  await expect(bar(page)).toContainText(/Paragraph 1 of \d+/u);

  // Voices arrive late in Chrome: the next utterance uses one of the page's language.
  await loadVoices(page);
  // A paragraph is said in utterances of a sentence or so (Chrome cuts long ones at ~15 s).
  await finishUtterance(page);
  await expectSaying(page, P1_REST);
  await finishUtterance(page);
  await expectSaying(page, P2);
  expect((await spoken(page)).at(-1)).toMatchObject({ voice: 'Fake English', lang: 'en-GB' });
  await expect(page.locator('#p2')).toHaveAttribute('data-listening');
  await expect(page.locator('[data-listening]')).toHaveCount(1);

  // From the keyboard: focus is on Pause since Listen was pressed.
  await page.keyboard.press('Space');
  await expectSilent(page);
  await expect(status(page, 'Paused')).toBeAttached();
  await expect(page.locator('#p2')).toHaveAttribute('data-listening');
  // Resume says the interrupted sentence again (pause is a cancel: see listen-controller.ts).
  await bar(page).getByRole('button', { name: 'Resume' }).click();
  await expectSaying(page, P2);
  expect((await spoken(page)).filter((u) => u.text.startsWith(P2))).toHaveLength(2);

  await page.keyboard.press('Tab');
  await expect(bar(page).getByRole('button', { name: 'Next paragraph' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectSaying(page, P3);
  await expect(page.locator('#p3')).toHaveAttribute('data-listening');
  await expect(status(page, 'Paragraph 3 of \\d+')).toBeAttached();
  await bar(page).getByRole('button', { name: 'Previous paragraph' }).click();
  await expectSaying(page, P2);
  await expect(page.locator('#p2')).toHaveAttribute('data-listening');

  // A new speed restarts the sentence at that speed, and is kept for the next visit.
  await bar(page).getByLabel('Speed').selectOption('1.5');
  await expect(status(page, 'Speed 1.5×')).toBeAttached();
  await expect.poll(async () => (await spoken(page)).at(-1)).toMatchObject({ rate: 1.5 });
  expect((await spoken(page)).at(-1)!.text).toMatch(new RegExp(`^${P2}`, 'u'));

  await bar(page).getByRole('button', { name: 'Stop listening' }).click();
  await expectSilent(page);
  await expect(bar(page)).toHaveCount(0);
  await expect(page.locator('[data-listening]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toBeFocused();

  await page.reload();
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(bar(page).getByLabel('Speed')).toHaveValue('1.5');
  await expect.poll(async () => (await spoken(page)).at(-1)?.rate).toBe(1.5);
});

test('the paragraph heard stays in view, the page scrolls only when it leaves, and leaving stops it', async ({
  page,
}) => {
  // Tall enough for the toolbar and paragraphs 1 and 2, not for 3 and beyond; wide enough for
  // "In this story" to sit in the sidebar, not above the text.
  await page.setViewportSize({ width: 1280, height: 800 });
  // Reduced motion: scrolls are instant, so "did it scroll" can be read at once.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await installFakeSpeech(page);
  await openStory(page);
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expectSaying(page, P1);
  const y0 = await page.evaluate(() => scrollY);
  await finishUtterance(page);
  await expectSaying(page, P1_REST);
  await finishUtterance(page);
  await expectSaying(page, P2);
  await expect(page.locator('#p2')).toHaveAttribute('data-listening');
  expect(await page.evaluate(() => scrollY), 'p2 was on screen: no scroll').toBe(y0);

  // On through the paragraphs: the one heard is never off screen, nor under the bar.
  for (let n = 3; n <= 8; n++) {
    await bar(page).getByRole('button', { name: 'Next paragraph' }).click();
    const p = page.locator(`#p${n}`);
    await expect(p).toHaveAttribute('data-listening');
    await expect(p).toBeInViewport({ ratio: 0.3 });
    const [top, barTop] = await Promise.all([
      p.evaluate((el) => el.getBoundingClientRect().top),
      bar(page).evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(top).toBeLessThan(barTop);
  }
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(y0);

  // A route change silences it.
  const said = (await spoken(page)).length;
  await page.getByRole('link', { name: 'Dispatch' }).click();
  await expect(page.getByRole('list', { name: 'Stories' })).toBeVisible();
  await expectSilent(page);
  expect((await spoken(page)).length).toBe(said);
});

test('with "Continue to next story" it goes on to the story j opens, and says when there is none', async ({
  page,
}) => {
  await installFakeSpeech(page);
  await openStory(page);
  const last = await page.locator('[data-story-text] [data-paragraph]').count();
  // A #p link names where to start.
  await page.goto(`${KIM}#p${last}`);
  await expect(page.locator(`#p${last}`)).toBeVisible();
  await page.getByRole('button', { name: 'Listen', exact: true }).click();
  await expect(page.locator(`#p${last}`)).toHaveAttribute('data-listening');
  await bar(page).getByRole('checkbox', { name: 'Continue to next story' }).check();
  await finishParagraph(page, last);

  await expect(page).toHaveURL(/003_94fd4063dbc03a91$/u);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(NEXT_ARTICLE);
  await expectSaying(page, NEXT_ARTICLE);
  await expect(page.locator('#p1')).toHaveAttribute('data-listening');
  await expect(status(page, 'Next story: North Korea’s top diplomat said.*')).toBeAttached();
  // Focus was in the bar: it is in the new story's bar.
  await expect(bar(page).getByRole('button', { name: 'Pause' })).toBeFocused();
  await expect(bar(page).getByRole('checkbox', { name: 'Continue to next story' })).toBeChecked();

  // The last article: at its end Listen says so and stops.
  const count = await page.locator('[data-story-text] [data-paragraph]').count();
  for (let i = 1; i < count; i++) {
    await bar(page).getByRole('button', { name: 'Next paragraph' }).click();
  }
  await expect(page.locator(`#p${count}`)).toHaveAttribute('data-listening');
  await finishParagraph(page, count);
  await expectSilent(page);
  await expect(status(page, 'Finished. This is the last article in the library.')).toBeAttached();
  await expect(bar(page)).toContainText('Finished');
  await expect(bar(page).getByRole('button', { name: 'Play again' })).toBeVisible();
  await expect(page).toHaveURL(/003_94fd4063dbc03a91$/u);
});

test('without speech synthesis there is no Listen', async ({ page }) => {
  await removeSpeech(page);
  await openStory(page);
  await expect(page.getByRole('button', { name: 'Mark as read' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Listen', exact: true })).toHaveCount(0);
});

for (const [scheme, width] of [
  ['light', 1280],
  ['dark', 390],
] as const) {
  test(`the listen bar, ${scheme} at ${width} px: axe finds nothing and it fits`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: scheme });
    await installFakeSpeech(page);
    await openStory(page);
    await page.getByRole('button', { name: 'Listen', exact: true }).click();
    await expectSaying(page, P1);
    await expectNoAxeViolations(page, `listen bar, ${scheme} at ${width} px`);
    // Every control of the bar is on screen, and the page does not scroll sideways.
    for (const control of await bar(page).locator('button, select, input').all()) {
      await expect(control).toBeInViewport();
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  });
}
