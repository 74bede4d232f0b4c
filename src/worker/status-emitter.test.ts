import { afterEach, describe, expect, it, vi } from 'vitest';
import { INITIAL_STATUS, type WorkerStatus } from './protocol';
import { StatusEmitter } from './status-emitter';

const status = (over: Partial<WorkerStatus>): WorkerStatus => ({
  ...INITIAL_STATUS,
  files: 10,
  totalFiles: 10,
  stories: 10,
  analysed: 3,
  epoch: 1,
  searchReady: true,
  cacheChecked: true,
  searchWarm: true,
  entitiesReady: true,
  relatedReady: true,
  ...over,
});

afterEach(() => vi.restoreAllMocks());

describe('StatusEmitter', () => {
  it('posts at once when a phase moves, and holds back messages that move none', () => {
    // The clock stands still: every message below comes within the same 100 ms.
    vi.spyOn(performance, 'now').mockReturnValue(1000);
    let now = status({});
    const sent: WorkerStatus[] = [];
    const out = new StatusEmitter(
      (s) => sent.push(s),
      () => now,
      () => true,
    );
    out.changed();
    expect(sent).toHaveLength(1);
    // No phase moved (a diagnostic count): nothing goes out …
    now = status({ cachedFiles: 4 });
    out.changed();
    expect(sent).toHaveLength(1);
    // … but the worker's own index taking over from the chunks goes out at once, as does a
    // rebuild (the data layer refreshes searches and every derived answer on these).
    now = status({ searchComplete: true });
    out.changed();
    now = status({ searchComplete: true, epoch: 2 });
    out.changed();
    expect(sent.map((s) => [s.searchComplete, s.epoch])).toEqual([
      [false, 1],
      [true, 1],
      [true, 2],
    ]);
  });
});
