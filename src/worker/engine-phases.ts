import type { WorkerStatus } from './protocol';

// Part of the worker's protocol (protocol.ts): how the main thread reads the engine's status.

/**
 * The engine's phases, one per capability, read from its status message: what each can answer
 * now. The data layer refreshes a query when the phase its answer depends on moves
 * (src/data/analysis-sync.ts), so no query key carries the worker's state; the UI reads them for
 * its notes ("still indexing") through `useEnginePhases`.
 */
export interface EnginePhases {
  /** Bumped at each folder-wide rebuild (see WorkerStatus.epoch): every derived answer moves. */
  epoch: number;
  search: {
    /**
     * `indexing`: part of the folder is in the index (the build's chunks, when there are some,
     * answer for all of it meanwhile); `searchable`: the whole folder, or the last visit's index;
     * `complete`: the worker's own index covers the folder with its lookups built and answers
     * instead of the chunks.
     */
    phase: 'indexing' | 'searchable' | 'complete';
    /** A cached index's lookups are built: names join its answers (WorkerStatus.searchWarm). */
    warm: boolean;
    /**
     * Files indexed, in steps that double (1, 2, 4 … 2,048 and beyond): answers are asked again
     * as the index grows, a dozen times over a load rather than at every status message.
     */
    grown: number;
  };
  names: {
    /**
     * `analysing`: stories are being analysed and no entity table is there yet; `table`: the
     * folder's table is built or shipped; `complete`: and every story is read and analysed.
     */
    phase: 'analysing' | 'table' | 'complete';
    /** Stories analysed, in steps of NAMES_STEP, while there is no table (else 0). */
    analysed: number;
  };
  /** The related lists and threads (they arrive together). */
  related: 'waiting' | 'ready';
}

/** Analysed stories per step of `EnginePhases.names.analysed`. */
export const NAMES_STEP = 250;

/** The phases a status message says the engine is in. */
export function phasesOf(s: WorkerStatus): EnginePhases {
  const tabled = s.entitiesReady;
  return {
    epoch: s.epoch,
    search: {
      phase: s.searchComplete ? 'complete' : s.searchReady ? 'searchable' : 'indexing',
      warm: s.searchWarm,
      grown: Math.floor(Math.log2(s.files + 1)),
    },
    names: {
      phase: !tabled ? 'analysing' : s.namesComplete ? 'complete' : 'table',
      analysed: tabled ? 0 : Math.floor(s.analysed / NAMES_STEP),
    },
    related: s.relatedReady ? 'ready' : 'waiting',
  };
}

/** Whether two readings of the engine are the same phases (then nothing is refreshed). */
export function samePhases(a: EnginePhases, b: EnginePhases): boolean {
  return (
    a.epoch === b.epoch &&
    a.search.phase === b.search.phase &&
    a.search.warm === b.search.warm &&
    a.search.grown === b.search.grown &&
    a.names.phase === b.names.phase &&
    a.names.analysed === b.names.analysed &&
    a.related === b.related
  );
}
