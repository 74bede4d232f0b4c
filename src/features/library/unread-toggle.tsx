/**
 * The library's Unread filter, a toggle: it sits with the other filters (Show, section), not on
 * a row of its own.
 */
export function UnreadToggle(p: { unreadOnly: boolean; onUnreadOnly: (on: boolean) => void }) {
  return (
    <button
      type="button"
      aria-pressed={p.unreadOnly}
      onClick={() => p.onUnreadOnly(!p.unreadOnly)}
      className="rounded-full border border-black/15 px-3 py-1 text-sm aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-white dark:border-white/20 dark:aria-pressed:border-accent-dark dark:aria-pressed:bg-accent-dark dark:aria-pressed:text-night"
    >
      Unread
    </button>
  );
}
