/**
 * The queries the static-search benches run (bench:pagefind, bench:chunks), so both engines and
 * both benches are measured on the same words: the folder's own news, a typo, a phrase-like pair
 * and a long query.
 */
export const TRANSFER_QUERIES: Record<'seeds' | 'news', string[]> = {
  seeds: ['government', 'pyongyang', 'balistic missles', 'putin treaty', 'state media', 'taiwan'],
  news: [
    'government',
    'mourinho',
    'chelsea manager',
    'brodband speeds',
    'tony blair election campaign',
    'prime minister',
    'council tax in scotland',
    'economy',
  ],
};
