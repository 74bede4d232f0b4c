import { useCallback, type KeyboardEvent } from 'react';

/**
 * Arrow keys (and j/k) move focus between the rows of a list, Home/End jump to its ends;
 * Enter opens the focused row because rows are plain links.
 */
export function useRowNavigation() {
  return useCallback((e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = Array.from(e.currentTarget.querySelectorAll<HTMLElement>('[data-row]'));
    if (rows.length === 0) return;
    const i = rows.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(rows.length - 1, i + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    if (next < 0) return;
    e.preventDefault();
    rows[next]!.focus();
    rows[next]!.scrollIntoView({ block: 'nearest' });
  }, []);
}
