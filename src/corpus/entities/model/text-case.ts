/** True when a word starts with a capital ("London", "U.S.", "LONDON"). */
export const isUpperStart = (w: string): boolean => w.length > 0 && w[0] !== w[0]!.toLowerCase();

/** True when a word has a lower-case letter ("London", not "LONDON" or "U.S."). */
export const hasLower = (w: string): boolean => w !== w.toUpperCase();
