import type { HighlightColor } from '../../corpus/notebook/types';

export const COLOR_LABEL: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
};

/** Swatches for buttons and lists; the text marks themselves are styled in index.css. */
export const SWATCH_CLASS: Record<HighlightColor, string> = {
  yellow: 'bg-amber-200 dark:bg-amber-400',
  green: 'bg-green-200 dark:bg-green-400',
  blue: 'bg-sky-200 dark:bg-sky-400',
  pink: 'bg-pink-200 dark:bg-pink-400',
};

export const BUTTON =
  'rounded-md border border-black/15 px-2.5 py-1 text-sm font-medium hover:bg-black/5 disabled:opacity-50 dark:border-white/20 dark:hover:bg-white/10';

let lastColor: HighlightColor = 'yellow';
/** The colour `h` uses: the last one picked, as a highlighter pen stays in the hand. */
export const rememberedColor = () => lastColor;
export const rememberColor = (c: HighlightColor) => {
  lastColor = c;
};
