import { readFileSync } from 'node:fs';

/** One main-thread task of a trace: wall time, thread CPU time, start (ms from navigation). */
export interface TracedTask {
  wall: number;
  cpu: number;
  start: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks in a Chromium trace (`bench:warm --trace`), with their thread CPU
 * time. On this shared 2-core machine a task's wall time is mostly time spent descheduled (a
 * 115 ms long task ran 14 ms of CPU at load ~20; a `Layout` of 68 ms wall, 1 ms CPU): the CPU time
 * says what the page's own work would take on a quiet machine, whatever the load of the moment.
 */
export function tracedTasks(file: string): TracedTask[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The page's renderer: the main thread with the most events (others are blank or extensions').
  const counts = new Map<string, number>();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (mains.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const nav = Math.min(
    ...events
      .filter((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main)
      .map((e) => e.ts),
  );
  return events
    .filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.ts >= nav,
    )
    .map((e) => ({
      wall: (e.dur ?? 0) / 1000,
      cpu: (e.tdur ?? 0) / 1000,
      start: (e.ts - nav) / 1000,
    }));
}
