/** A move within a roving tab stop's items. */
export type RovingMove = 'next' | 'prev' | 'first' | 'last';

/**
 * The item a move lands on, of `count` items, from `index` (-1: none has the stop yet). Moves
 * stop at either end rather than wrap: the items are names in a running text, read in order.
 */
export function rovingIndex(count: number, index: number, move: RovingMove): number {
  if (count === 0) return -1;
  switch (move) {
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'next':
      return Math.min(count - 1, index + 1);
    case 'prev':
      return Math.max(0, index - 1);
  }
}

/** The keys of a roving stop in running text: arrows both ways, Home/End, and `[` / `]`. */
export const TEXT_ROVING_KEYS: Readonly<Record<string, RovingMove>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  ']': 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  '[': 'prev',
  Home: 'first',
  End: 'last',
};
