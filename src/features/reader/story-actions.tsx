import type { ReactNode } from 'react';
import { absoluteUrl, paths } from '../../config/paths';
import { copyText } from '../../lib/clipboard';
import { toast } from '../../components/ui/toast';

/** The look of the story's action buttons (the `Aa` menu's button shares it). */
export const ACTION_BUTTON =
  'rounded-md border border-black/15 px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10';

/**
 * Copy the story's link, or hand it to the system share sheet where there is one; `children`
 * (the `Aa` menu) join the row. The row is positioned: a menu's panel opens under it.
 */
export function StoryActions({
  storyId,
  title,
  children,
}: {
  storyId: string;
  title: string;
  children?: ReactNode;
}) {
  const url = absoluteUrl(paths.story.getHref(storyId));
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  return (
    <div className="relative mt-4 flex flex-wrap gap-2 font-sans print:hidden">
      <button
        type="button"
        className={ACTION_BUTTON}
        onClick={async () =>
          toast((await copyText(url)) ? 'Link to this story copied' : 'Could not copy the link')
        }
      >
        Copy link
      </button>
      {canShare && (
        <button
          type="button"
          className={ACTION_BUTTON}
          onClick={() => navigator.share({ title, url }).catch(() => undefined)}
        >
          Share…
        </button>
      )}
      {children}
    </div>
  );
}
