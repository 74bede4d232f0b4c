import { expect, type Page } from '@playwright/test';

/** A story page of the default seeds, with the reader's notebook tools. */
export const KIM = '/story/002_54c47fb4e1efd86c';
export const KIM_TITLE =
  'North Korean leader Kim Jong-un promised full support for Russia’s war in Ukraine';

export async function openStory(page: Page, href = KIM) {
  await page.goto(href);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#p1')).toBeVisible();
}

/**
 * Selects `phrase` in paragraph `n` with the mouse, as a reader drags over words: press at the
 * phrase's first character, release after its last.
 */
export async function dragSelect(page: Page, n: number, phrase: string) {
  // The layout can shift under the mouse (names get their marks when the analysis arrives, a
  // pixel of padding each): drag again until the selection is the phrase.
  await expect(async () => {
    // From no selection: pressing inside a selection would drag the selected text instead.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await expect(page.getByRole('toolbar', { name: 'Selected text' })).toHaveCount(0);
    await drag(page, n, phrase);
    expect((await page.evaluate(() => getSelection()?.toString() ?? '')).trim()).toBe(phrase);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole('toolbar', { name: 'Selected text' })).toBeVisible();
}

async function drag(page: Page, n: number, phrase: string) {
  const box = await page.locator(`#p${n}`).evaluate((p, phrase) => {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const nodes: [Text, number][] = [];
    let text = '';
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      nodes.push([t, text.length]);
      text += t.data;
    }
    const at = text.indexOf(phrase);
    if (at < 0) throw new Error(`not in paragraph: ${phrase}`);
    const point = (off: number, end: boolean) => {
      const hit = nodes.find(([t, s]) => off >= s && off + (end ? 0 : 1) <= s + t.data.length)!;
      const r = document.createRange();
      r.setStart(hit[0], off - hit[1] - (end ? 1 : 0));
      r.setEnd(hit[0], off - hit[1] + (end ? 0 : 1));
      const rect = r.getBoundingClientRect();
      // Just inside the first character's left half, just past the last one's right edge: the
      // caret goes to the nearest boundary, which is then before the first and after the last.
      return { x: end ? rect.right + 1 : rect.left + 1, y: rect.top + rect.height / 2 };
    };
    p.scrollIntoView({ block: 'center' });
    return { from: point(at, false), to: point(at + phrase.length, true) };
  }, phrase);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move(box.to.x, box.to.y, { steps: 5 });
  await page.mouse.up();
}

/** The text of the story as the DOM has it (what copy, find and screen readers see). */
export function storyText(page: Page) {
  return page.locator('[data-story-text]').evaluate((el) =>
    Array.from(el.querySelectorAll('p[data-paragraph]'))
      .map((p) => p.textContent)
      .join('\n'),
  );
}

/** The highlight marks of one highlight, joined: the words it covers. */
export function highlightText(page: Page, nth = 0) {
  return page.locator('mark[data-highlight]').evaluateAll((marks, nth) => {
    const ids = [...new Set(marks.map((m) => (m as HTMLElement).dataset.highlight))];
    const id = ids[nth];
    return marks
      .filter((m) => (m as HTMLElement).dataset.highlight === id)
      .map((m) => m.textContent)
      .join('');
  }, nth);
}

/** Scrolls the open story to paragraph `n`, until its reading progress passes `percent`. */
export async function readTo(page: Page, n: number, percent: number) {
  const progress = page.getByRole('progressbar', { name: 'Reading progress' });
  await page.locator(`#p${n}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')))
    .toBeGreaterThan(percent);
}

/**
 * Stores reading records in the notebook's database as an earlier version of the app (or
 * another tab) left them, behind the open page's back: it sees them after a reload.
 */
export async function putReadingRecords(page: Page, records: object[]) {
  await page.evaluate(
    (list) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dispatch-notebook:/');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('reading', 'readwrite');
          for (const r of list) tx.objectStore('reading').put(r);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}
