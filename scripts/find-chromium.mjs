import { existsSync } from 'node:fs';

/** System Chromium builds we can drive (Debian's `chromium` first), or CHROMIUM_PATH. */
const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Path of a system Chromium, or undefined to let Playwright use its own browser. */
export function findSystemChromium() {
  return CANDIDATES.find((p) => p && existsSync(p));
}

/** Flags that keep a headless Chromium quiet on machines without network or sandbox support. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
