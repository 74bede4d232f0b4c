/**
 * Words of time and of reporting: true of every news story, so they tell neither why two stories
 * are related (reasons.ts) nor whether they report one event (threads/thread-similarity.ts).
 * General English news vocabulary, written here by hand; "yesterday" in two briefs is not news.
 */
export const TIME_AND_REPORTING_WORDS: ReadonlySet<string> = new Set(
  (
    'day days week weeks month months year years today yesterday tomorrow tonight morning ' +
    'evening night time times monday tuesday wednesday thursday friday saturday sunday january ' +
    'february march april may june july august september october november december said says ' +
    'told added reported wrote according statement news people'
  ).split(' '),
);
