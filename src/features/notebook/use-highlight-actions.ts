import { useCallback } from 'react';
import { quoteForClipboard } from '../../corpus/notebook/quote-text';
import { describeRange } from '../../corpus/notebook/selectors';
import { paragraphAt, type StoryText } from '../../corpus/notebook/story-text';
import { textDirective } from '../../corpus/notebook/text-fragment';
import type { Annotation, HighlightColor } from '../../corpus/notebook/types';
import { absoluteUrl, paths } from '../../config/paths';
import { notebook } from '../../data/notebook/notebook';
import { copyText } from '../../lib/clipboard';
import { toast } from '../../components/ui/toast';
import { rememberColor } from './highlight-style';

/** The link "Copy quote" shares: the paragraph (`#p3`) and a text fragment naming the words. */
export function quoteLink(storyId: string, st: StoryText, start: number, end: number): string {
  const href = absoluteUrl(paths.story.getHref(storyId, { paragraph: paragraphAt(st, start) + 1 }));
  const directive = textDirective(st.text, start, end);
  return directive ? `${href}:~:${directive}` : href;
}

/** What the toolbar and the keys do with a selection of the story: highlight, note, copy. */
export function useHighlightActions(o: {
  storyId: string;
  title: string;
  hash: string;
  st: StoryText;
}) {
  const { storyId, title, hash, st } = o;

  const create = useCallback(
    (start: number, end: number, color: HighlightColor): Annotation | null => {
      const s = describeRange(st.text, start, end);
      if (!s) return null;
      rememberColor(color);
      return notebook.create({
        storyId,
        storyTitle: title,
        sourceHash: hash,
        quote: s.quote,
        position: s.position,
        color,
        note: '',
      });
    },
    [storyId, title, hash, st],
  );

  const copyQuote = useCallback(
    async (start: number, end: number) => {
      const text = quoteForClipboard(
        st.text,
        start,
        end,
        title,
        quoteLink(storyId, st, start, end),
      );
      toast(
        (await copyText(text)) ? 'Quote copied, with a link to it' : 'Could not copy the quote',
      );
    },
    [storyId, title, st],
  );

  const reattach = useCallback(
    (id: string, start: number, end: number): boolean => {
      const s = describeRange(st.text, start, end);
      if (!s) return false;
      notebook.reattach(id, { ...s, sourceHash: hash, storyTitle: title });
      return true;
    },
    [hash, title, st],
  );

  return { create, copyQuote, reattach };
}
