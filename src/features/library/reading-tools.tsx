import { ContinueReading, type InProgress } from './continue-reading';

/** The library's reading tools: the Unread filter (a toggle) and the "Continue reading" row. */
export function ReadingTools(p: {
  unreadOnly: boolean;
  onUnreadOnly: (on: boolean) => void;
  inProgress: InProgress[];
}) {
  return (
    <>
      <div className="mb-4 flex justify-end">
        <button
          type="button"
          aria-pressed={p.unreadOnly}
          onClick={() => p.onUnreadOnly(!p.unreadOnly)}
          className="rounded-full border border-black/15 px-3 py-1 text-sm aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-white dark:border-white/20 dark:aria-pressed:border-accent-dark dark:aria-pressed:bg-accent-dark dark:aria-pressed:text-night"
        >
          Unread
        </button>
      </div>
      <ContinueReading items={p.inProgress} />
    </>
  );
}
