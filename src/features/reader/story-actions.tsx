import { absoluteUrl, paths } from '../../config/paths';
import { copyText } from '../../lib/clipboard';
import { toast } from '../../components/ui/toast';

/** Copy the story's link, or hand it to the system share sheet where there is one. */
export function StoryActions({ storyId, title }: { storyId: string; title: string }) {
  const url = absoluteUrl(paths.story.getHref(storyId));
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const btn =
    'rounded-md border border-black/15 px-3 py-1.5 text-sm font-medium hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10';
  return (
    <div className="mt-4 flex flex-wrap gap-2 font-sans">
      <button
        type="button"
        className={btn}
        onClick={async () =>
          toast((await copyText(url)) ? 'Link to this story copied' : 'Could not copy the link')
        }
      >
        Copy link
      </button>
      {canShare && (
        <button
          type="button"
          className={btn}
          onClick={() => navigator.share({ title, url }).catch(() => undefined)}
        >
          Share…
        </button>
      )}
    </div>
  );
}
