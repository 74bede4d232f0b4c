// Makes sure `npm test` has a browser: a system Chromium, Playwright's own, or a fresh download.
// Stops with a clear message when none can be had (e.g. no network for the download).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findSystemChromium } from './find-chromium.mjs';

const system = findSystemChromium();
if (system) {
  console.log(`e2e: using system Chromium at ${system}`);
  process.exit(0);
}
try {
  const { chromium } = await import('@playwright/test');
  if (existsSync(chromium.executablePath())) {
    console.log(`e2e: using Playwright's Chromium at ${chromium.executablePath()}`);
    process.exit(0);
  }
} catch {
  /* fall through to the download */
}
console.log('e2e: no Chromium found; trying `npx playwright install chromium`…');
const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
if (r.status === 0) process.exit(0);
console.error(`
e2e: no browser available, so the end-to-end tests cannot run.
Install one of:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - anywhere with internet:  npx playwright install chromium
or point CHROMIUM_PATH at a Chrome/Chromium binary, then run \`npm test\` again.
`);
process.exit(1);
