/**
 * A production build run as a child under `/usr/bin/time -v`, for the build benches: its wall
 * time, CPU and peak RSS (the child's own, threads included, which Node cannot report for
 * another process), the load average around it, and the build log's own step lines, each with
 * the second it arrived at.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BuildStep {
  /** Seconds from the build's start to the line. */
  at: number;
  /** The log line, e.g. `[previews] 100,000 story pages, 10 files parsed: … in 14.0 s`. */
  line: string;
}

export interface TimedBuild {
  wall: number;
  /** User and system CPU seconds; null without /usr/bin/time. */
  user: number | null;
  system: number | null;
  peakRssMiB: number | null;
  /** 1-minute load average before, at its highest during (sampled every 5 s), after. */
  load: { before: number; max: number; after: number };
  steps: BuildStep[];
  exitCode: number;
  /** The output's last lines, for a failed build. */
  tail: string;
}

const TIME = '/usr/bin/time';

/**
 * A line of the build's log that says what a step did and how long it took: the plugins' `[name]`
 * lines that carry seconds, not the progress lines (`[chunks] 2,025/100,000 files indexed`).
 */
export function isStepLine(line: string): boolean {
  if (!/^\[[a-z-]+\] /u.test(line)) return false;
  if (/^\[[a-z-]+\] [\d,]+\/[\d,]+ /u.test(line)) return false;
  return /\d s\b|\d ms\b/u.test(line);
}

/** Reads `/usr/bin/time -v`'s report out of the child's stderr. */
export function parseTimeReport(text: string): {
  user: number | null;
  system: number | null;
  peakRssMiB: number | null;
} {
  const num = (label: string) => {
    const m = new RegExp(`^\\s*${label}: ([\\d.]+)$`, 'mu').exec(text);
    return m ? Number(m[1]) : null;
  };
  const rss = num('Maximum resident set size \\(kbytes\\)');
  return {
    user: num('User time \\(seconds\\)'),
    system: num('System time \\(seconds\\)'),
    peakRssMiB: rss === null ? null : rss / 1024,
  };
}

/**
 * `vite build --outDir <outDir>` of `folder`, from the checkout `root`, under `nice -n 10` (the
 * machine is shared). No `--emptyOutDir`: that empties the kept trees too, and a rebuild would
 * write every file again; a build folder outside the project is left as it is.
 */
export function timedBuild(
  root: string,
  folder: string,
  outDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<TimedBuild> {
  const vite = path.join(root, 'node_modules/.bin/vite');
  const withTime = existsSync(TIME);
  const cmd = [...(withTime ? [TIME, '-v'] : []), vite, 'build', '--outDir', outDir];
  const load = { before: os.loadavg()[0]!, max: os.loadavg()[0]!, after: 0 };
  const sampler = setInterval(() => (load.max = Math.max(load.max, os.loadavg()[0]!)), 5000);
  const started = performance.now();
  const steps: BuildStep[] = [];
  let stderr = '';
  let tail = '';
  return new Promise((resolve, reject) => {
    const child = spawn('nice', ['-n', '10', ...cmd], {
      cwd: root,
      env: { ...process.env, ...env, SEEDS_DIR: folder },
    });
    const lines = (onLine: (l: string) => void) => {
      let rest = '';
      return (d: Buffer) => {
        const parts = (rest + d.toString()).split('\n');
        rest = parts.pop()!;
        for (const l of parts) onLine(l);
      };
    };
    const onLine = (l: string) => {
      tail = (tail + l + '\n').slice(-4000);
      if (isStepLine(l)) steps.push({ at: (performance.now() - started) / 1000, line: l });
    };
    child.stdout.on('data', lines(onLine));
    child.stderr.on(
      'data',
      lines((l) => {
        stderr += /^\s+[A-Z]/u.test(l) ? `${l}\n` : '';
        onLine(l);
      }),
    );
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(sampler);
      load.after = os.loadavg()[0]!;
      const report = withTime ? parseTimeReport(stderr) : null;
      resolve({
        wall: (performance.now() - started) / 1000,
        user: report?.user ?? null,
        system: report?.system ?? null,
        peakRssMiB: report?.peakRssMiB ?? null,
        load,
        steps,
        exitCode: code ?? 1,
        tail,
      });
    });
  });
}
