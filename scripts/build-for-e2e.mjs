// Everything `playwright test` serves, built at once: the type check (`tsc -b`, which
// `npm run build` runs first), the production build (dist/), the sub-path build (dist-subpath/),
// the hostile folder's build (dist-hostile/) and the seeds as an archive (dist-archive/). Each is
// the npm script of its own, unchanged;
// they only stop waiting for one another: tsc and most of a Vite build (its plugins) use one core
// each. Same CPU (~35 s), less waiting: 80-94 s instead of 117-132 s on two loaded cores (load 12-17).
// Each job's output is printed in one piece when it ends. Exits 1 if any job failed.
// Usage: node scripts/build-for-e2e.mjs
import { spawn } from 'node:child_process';

const JOBS = [
  { name: 'typecheck (tsc -b)', cmd: 'npx tsc -b' },
  { name: 'dist (vite build)', cmd: 'npx vite build' },
  { name: 'dist-subpath (npm run build:e2e)', cmd: 'npm run --silent build:e2e' },
  { name: 'dist-hostile (npm run build:hostile)', cmd: 'npm run --silent build:hostile' },
  { name: 'dist-archive (npm run build:archive)', cmd: 'npm run --silent build:archive' },
];

const started = performance.now();
const results = await Promise.all(
  JOBS.map(
    ({ name, cmd }) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => {
          const s = ((performance.now() - t0) / 1000).toFixed(1);
          const status = code === 0 ? 'done' : `FAILED (exit ${code})`;
          process.stdout.write(`\n── ${name}: ${status} in ${s} s\n${out.trimEnd()}\n`);
          resolve(code === 0);
        });
      }),
  ),
);
const total = ((performance.now() - started) / 1000).toFixed(1);
const failed = results.filter((ok) => !ok).length;
console.log(`\nbuild-for-e2e: ${JOBS.length - failed} of ${JOBS.length} done in ${total} s`);
process.exit(failed ? 1 : 0);
