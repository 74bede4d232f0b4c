export const BUTTON_CLASS =
  'rounded-md border border-black/15 px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10';

/** Where an opened story resumed; `shortened` when the saved place was past its end. */
export interface ResumedAt {
  paragraph: number;
  shortened: boolean;
}
