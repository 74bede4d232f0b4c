import { expect, type Page } from '@playwright/test';

/** Shared by the journeys over the hostile folder (hostile-files and huge-file specs). */

/** The app path of a file of the hostile folder. */
export const storyHref = (file: string) =>
  '/story/' +
  file
    .replace(/\.txt$/u, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');

/** Collects what must never happen (errors, dialogs, requests off the host); `check` asserts. */
export function guard(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('http://localhost:')) problems.push(`request: ${r.url()}`);
  });
  return {
    problems,
    async check() {
      const pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
      expect(pwned).toBeUndefined();
      expect(
        await page
          .locator(
            'article script, article img, article iframe, article svg, article a[href^="javascript" i]',
          )
          .count(),
      ).toBe(0);
      expect(problems).toEqual([]);
    },
  };
}
