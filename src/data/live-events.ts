/** Mirrors `SEEDS_CHANGED_EVENT` of vite/seeds-plugin.ts (the app cannot import build code). */
export const SEEDS_CHANGED_EVENT = 'dispatch:seeds-changed';
