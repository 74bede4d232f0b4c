/**
 * What went wrong with the browser's storage, in words a reader can act on. Every message says
 * what is kept (the page still has everything) and what to do (export, free space, reload).
 */
export interface StorageProblem {
  kind: 'unavailable' | 'quota' | 'write-failed' | 'updated-elsewhere';
  message: string;
}

const KEEP = 'Nothing is lost while this page stays open: export your notebook to keep a copy.';

export function describeStorageError(error: unknown, opening: boolean): StorageProblem {
  const name = (error as { name?: string } | null)?.name ?? '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return {
      kind: 'quota',
      message: `Your browser’s storage for this site is full, so the notebook could not be saved. ${KEEP}`,
    };
  }
  if (name === 'VersionError' || inner === 'VersionError') {
    return updatedElsewhere();
  }
  if (opening) {
    return {
      kind: 'unavailable',
      message: `This browser does not let Dispatch keep a notebook (a private window, or site storage is turned off): highlights and notes last only while this tab is open. ${KEEP}`,
    };
  }
  return {
    kind: 'write-failed',
    message: `The notebook could not be saved (${name || 'storage error'}). ${KEEP}`,
  };
}

export function updatedElsewhere(): StorageProblem {
  return {
    kind: 'updated-elsewhere',
    message: `A newer version of Dispatch opened in another tab: reload this one to keep saving. ${KEEP}`,
  };
}
