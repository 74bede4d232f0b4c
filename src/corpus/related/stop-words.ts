/**
 * A short general English stop-word list (written here rather than a package: the app needs one
 * language, the list is small, and every term the related index drops stays visible in one place).
 * Based on the usual function-word lists (pronouns, articles, auxiliaries, prepositions,
 * conjunctions) plus the reporting words of news copy ("said", "told", "mr") that link every
 * article to every other. Entries are folded like `tokenize` output (no apostrophes).
 */
const WORDS = `
a about above after again against ago all almost along already also although always am among an
and another any anyone anything are around as at away back be became because become been before
being below between both but by came can cannot could did do does doing done down during each
either else even ever every few for from further get gets getting go goes going gone got had has
have having he her here hers herself him himself his how however i if in into is it its itself
just last least less let like made make makes many may me might mine more most much must my
myself near neither never new next no nor not now of off often on once one only onto or other
others our ours ourselves out over own per put quite rather really said same say saying says see
seen several shall she should since so some something still such take than that the their theirs
them themselves then there these they this those though through thus to told too took toward
towards under until up upon us use used very via was way we well went were what whatever when
where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves mr mrs ms dr
dont doesnt didnt isnt wasnt arent werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt
im ive youre youve theyre theyve weve hes shes thats theres whats lets
`;

/** Folded stop words (see `tokenize` in `src/corpus/normalize.ts`). */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/u).filter(Boolean));
