import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';

/**
 * Links nobody checked: any value in a story, entity, search or hash link gives a page (a
 * heading, no crash screen), never a script. And the built HTML ships a strict CSP that the app
 * itself never trips.
 */

// Values that have broken readers before: markup, script URLs, encodings, traversal, controls.
const NASTY = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1;alert(1)">',
  "'><svg onload=alert(1)>",
  'javascript:alert(1)',
  'JaVaScRiPt:window.__pwned=1',
  'data:text/html,<script>alert(1)</script>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '../../../../etc/passwd',
  '..%2F..%2Findex.html',
  '%',
  '%E0%A4%A',
  '%00',
  '\u0000',
  '\u202Eevil.exe',
  'a\u200Bb\u200Dc\uFEFF',
  'مرحبا שלום',
  '👩‍👩‍👧‍👦🇺🇦',
  '~',
  '~999999999',
  '002_54c47fb4e1efd86c~-1',
  '002_54c47fb4e1efd86c~1.5',
  'p0',
  'p-1',
  'p99999999999999999999',
  'constructor',
  '__proto__',
  'toString',
  'person:',
  'person:"',
  '"unterminated',
  '-',
  '((((((((((',
  '.*+?^${}()|[]\\',
  'x'.repeat(5000),
  ' ',
  '',
];

// A seeded generator on top: fast-check strings of every kind, the same on every run.
const GENERATED = fc.sample(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc
      .array(fc.constantFrom(...NASTY.slice(0, 20), '/', '?', '#', '&', '=', '%25', ' '), {
        maxLength: 5,
      })
      .map((a) => a.join('')),
  ),
  { seed: 20261123, numRuns: 40 },
);

/** encodeURIComponent, or the raw value when it cannot be encoded (lone surrogates). */
function enc(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v;
  }
}

/**
 * Each value both encoded (as the app links) and raw (hand-typed or hostile). Raw values are
 * opened inside the app (history.pushState + popstate, as a link click would): many are not
 * valid request paths at all (`%`, `%E0%A4%A`) and a static host answers them with its own 400
 * or 404 before the app is involved.
 */
type Visit = { url: string; inApp: boolean };
function visitsFor(v: string): Visit[] {
  return [
    { url: `/story/${enc(v)}`, inApp: false },
    { url: `/entity/${enc(v)}`, inApp: false },
    { url: `/search?q=${enc(v)}`, inApp: false },
    { url: `/story/002_54c47fb4e1efd86c#${enc(v)}`, inApp: false },
    { url: `/story/${v}`, inApp: true },
    { url: `/entity/person/${v}`, inApp: true },
    { url: `/search?q=${v}`, inApp: true },
    { url: `/#${v}`, inApp: true },
  ];
}

async function openSafely(page: Page, { url, inApp }: Visit) {
  const problems: string[] = [];
  const onError = (e: Error) => problems.push(`pageerror: ${e.message}`);
  page.on('pageerror', onError);
  if (inApp) {
    await page.evaluate((u) => {
      history.pushState(null, '', u);
      dispatchEvent(new PopStateEvent('popstate'));
    }, url);
  } else {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
  }
  const label = `${inApp ? 'in app' : 'loaded'}: ${url.slice(0, 120)}`;
  await expect(page.getByRole('heading', { level: 1 }).first(), label).toBeVisible();
  await expect(page.getByText('Something went wrong on this page'), label).toHaveCount(0);
  const pwned = await page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
  expect(pwned, label).toBeUndefined();
  page.off('pageerror', onError);
  expect(problems, label).toEqual([]);
}

test.describe('hostile links give a page, never a crash or a script', () => {
  test.beforeEach(async ({ page }) => {
    page.on('dialog', (d) => {
      throw new Error(`a dialog opened: ${d.message()}`);
    });
  });
  // The fixed list in every position; the generated values spread over the positions.
  const jobs: Visit[] = [];
  NASTY.forEach((v) => jobs.push(...visitsFor(v)));
  GENERATED.forEach((v, i) => jobs.push(visitsFor(v)[i % 8]!));
  // Eight parts of ~42 visits in a row (each value's loaded and in-app visits together, so parts
  // cost alike): with two workers, the last parts finish together.
  const CHUNKS = 8;
  const size = Math.ceil(jobs.length / CHUNKS);
  for (let c = 0; c < CHUNKS; c++) {
    test(`links, part ${c + 1} of ${CHUNKS}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      for (const job of jobs.slice(c * size, (c + 1) * size)) await openSafely(page, job);
    });
  }
});

test.describe('Content-Security-Policy', () => {
  test('ships in the built HTML, is never tripped by the app, and blocks eval', async ({
    page,
  }) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportCsp', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(
          `${e.violatedDirective} ${e.blockedURI}`,
        );
      });
    });
    await page.goto('/');
    const csp = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp?.match(/script-src[^;]*/u)?.[0]).not.toContain('unsafe-inline');

    await expect(
      page.getByRole('list', { name: 'Stories' }).getByRole('link').first(),
    ).toBeVisible();
    await page.goto('/story/002_54c47fb4e1efd86c');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Kim Jong-un');
    await expect(page.locator('mark[data-entity-id]').first()).toBeVisible();
    await page.goto('/search?q=putin');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/Putin/u).first()).toBeVisible();
    await page.goto('/entity/person/vladimir-putin');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Vladimir Putin');

    // eval runs in a task of the page's own: code that page.evaluate compiles directly is
    // DevTools code, which Chromium exempts from the page's CSP.
    const evalResult = await page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          setTimeout(() => {
            try {
              eval('1');
              resolve('ran');
            } catch {
              resolve('blocked');
            }
          }, 0),
        ),
    );
    expect(evalResult).toBe('blocked');
    // The eval attempt itself is a reported violation; nothing else may be.
    expect(violations.filter((v) => !v.startsWith('script-src eval'))).toEqual([]);
  });
});
