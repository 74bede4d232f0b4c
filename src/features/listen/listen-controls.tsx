import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { RATES } from './listen-controller';
import { ListenIcon, type ListenIconName } from './listen-icons';
import { paragraphToStartAt } from './start-paragraph';
import { TITLE } from './speech-queue';
import { takeCarriedFocus, type Listen } from './use-listen';
import './listen.css';

const BUTTON =
  'inline-flex min-h-10 items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium hover:bg-black/5 disabled:opacity-50 dark:hover:bg-white/10';

/** As the toolbar's other buttons ("Mark as read"). */
const LISTEN_BUTTON =
  'inline-flex items-center gap-1.5 rounded-md border border-black/15 px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10';

/**
 * "Listen" in the story's toolbar and, while listening, the listen bar fixed at the bottom of
 * the screen: previous/next paragraph, pause/resume, where it is, speed, "continue to the next
 * story" and stop. Each control's accessible name starts with its visible words (WCAG 2.5.3);
 * what an action did is said in a polite status ("Paused", "Speed 1.5×").
 */
export function ListenControls({
  listen,
  linkedParagraph,
}: {
  listen: Listen;
  /** The `#pN` paragraph (1-based): listening starts there. */
  linkedParagraph: number | null;
}) {
  const { controller, state } = listen;
  const open = state.status !== 'idle';
  // Focus follows the controls that appear: into the bar when it opens (or when "continue"
  // brought the reader here from the bar of the last story), back to Listen when it closes.
  const [carried] = useState(takeCarriedFocus);
  const focusNext = useRef<'bar' | 'listen' | null>(carried ? 'bar' : null);
  const main = useRef<HTMLButtonElement>(null);
  const listenButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = focusNext.current === 'bar' ? main.current : listenButton.current;
    if (!focusNext.current || !target) return;
    focusNext.current = null;
    target.focus();
  }, [open]);

  const status = (
    <p role="status" className="sr-only">
      {state.message}
    </p>
  );
  // The status region stays the first child whatever shows, so it is never re-created (a
  // live region created with its text is not read out).
  if (!open) {
    return (
      <>
        {status}
        <button
          ref={listenButton}
          type="button"
          className={LISTEN_BUTTON}
          onClick={() => {
            focusNext.current = 'bar';
            controller.play(paragraphToStartAt(linkedParagraph));
          }}
        >
          <ListenIcon name="speaker" small />
          Listen
        </button>
      </>
    );
  }

  const { status: s, paragraph, paragraphCount: count } = state;
  // "Paragraph" is left to screen readers on phones, so the position stays on one line.
  const where =
    s === 'ended' ? (
      'Finished'
    ) : paragraph === TITLE ? (
      'Title'
    ) : (
      <>
        <span className="max-sm:sr-only">Paragraph </span>
        {paragraph + 1} of {count}
      </>
    );
  return (
    <>
      {status}
      <div
        data-listen-bar
        role="group"
        aria-label="Listen"
        className="fixed inset-x-0 bottom-0 z-40 px-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] font-sans"
      >
        <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-1 gap-y-1 rounded-xl border border-black/15 bg-paper/95 px-2 py-1.5 text-ink shadow-lg backdrop-blur dark:border-white/20 dark:bg-night/95 dark:text-night-ink">
          <Control icon="previous" onClick={() => controller.step(-1)} label="Previous">
            {' paragraph'}
          </Control>
          <Control
            ref={main}
            icon={s === 'playing' ? 'pause' : 'play'}
            label={s === 'playing' ? 'Pause' : s === 'paused' ? 'Resume' : 'Play again'}
            onClick={() =>
              s === 'playing' ? controller.pause() : controller.play(s === 'ended' ? 0 : null)
            }
            wide
          />
          <Control icon="next" onClick={() => controller.step(1)} label="Next">
            {' paragraph'}
          </Control>
          {/* On phones, Stop joins this first row and speed and "continue" make the second. */}
          <span className="px-1 text-sm whitespace-nowrap text-ink/75 tabular-nums max-sm:flex-1 dark:text-night-ink/75">
            {where}
          </span>
          <label className="flex items-center gap-1.5 px-1 text-sm max-sm:order-2 sm:ml-auto">
            Speed
            <select
              value={state.rate}
              onChange={(e) => controller.setRate(Number(e.target.value))}
              className="min-h-9 rounded-md border border-black/15 bg-transparent px-1 dark:border-white/20 dark:bg-night"
            >
              {RATES.map((r) => (
                <option key={r} value={r}>
                  {r}×
                </option>
              ))}
            </select>
          </label>
          <label className="flex min-h-10 items-center gap-1.5 px-1 text-sm max-sm:order-2">
            <input
              type="checkbox"
              checked={state.continueOn}
              onChange={(e) => controller.setContinue(e.target.checked)}
              className="h-4 w-4 accent-accent dark:accent-accent-dark"
            />
            Continue to next story
          </label>
          <Control
            icon="stop"
            label="Stop"
            className="max-sm:order-1"
            onClick={() => {
              focusNext.current = 'listen';
              controller.stop();
            }}
          >
            {' listening'}
          </Control>
        </div>
      </div>
    </>
  );
}

/**
 * A bar button: icon, visible `label`, and `children` read after it (" paragraph"), so the name
 * starts with what is seen. On phones only the icon shows; the words stay for screen readers.
 */
function Control({
  ref,
  icon,
  label,
  onClick,
  wide = false,
  className = '',
  children,
}: {
  icon: ListenIconName;
  label: string;
  onClick: () => void;
  wide?: boolean;
  className?: string;
  ref?: Ref<HTMLButtonElement>;
  children?: ReactNode;
}) {
  return (
    <button ref={ref} type="button" onClick={onClick} className={`${BUTTON} ${className}`}>
      <ListenIcon name={icon} />
      <span className={wide ? '' : 'max-sm:sr-only'}>{label}</span>
      {children && <span className="sr-only">{children}</span>}
    </button>
  );
}
