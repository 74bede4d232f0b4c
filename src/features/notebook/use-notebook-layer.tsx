import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { InnerMark } from '../../components/ui/marked-text';
import { toast } from '../../components/ui/toast';
import { highlightPieces, placeAnnotations } from '../../corpus/notebook/place';
import { splitByParagraph, storyText } from '../../corpus/notebook/story-text';
import { findTextDirective } from '../../corpus/notebook/text-fragment';
import { HIGHLIGHT_COLORS, type Annotation } from '../../corpus/notebook/types';
import type { Story } from '../../corpus/types';
import { notebook } from '../../data/notebook/notebook';
import { useNotebook } from '../../data/notebook/use-notebook';
import { isTypingTarget } from '../../lib/keyboard';
import { highlightElement } from './dom-offsets';
import { HighlightEditor } from './highlight-editor';
import { linkedQuote } from './linked-quote';
import { rememberedColor } from './highlight-style';
import { extendSelectionByKey } from './keyboard-selection';
import { SelectionToolbar } from './selection-toolbar';
import { StorageBanner } from './storage-banner';
import { StoryHighlights } from './story-highlights';
import { UndoBar } from './undo-bar';
import { useHighlightActions } from './use-highlight-actions';
import { useStorySelection } from './use-story-selection';

const EMPTY: Annotation[] = [];

/**
 * The notebook's layer of the reading view: the story's highlights drawn in the text, the
 * selection toolbar and its keys, the highlight editor, the list of this story's highlights and
 * orphans, and storage trouble. The app composes it with the reader (story-screen.tsx).
 */
export function useNotebookLayer(o: {
  story: Story;
  title: string;
  hash: string;
  linkedParagraph: number | null;
  /** An orphan being re-attached (`?reattach=`), and how to end that mode. */
  reattachId: string | null;
  onReattach: (id: string | null) => void;
}) {
  const { story, title, hash, reattachId, onReattach } = o;
  const nb = useNotebook();
  const st = useMemo(() => storyText(story.paragraphs), [story.paragraphs]);
  const mine = useMemo(
    () => nb.annotations.filter((a) => a.storyId === story.id),
    [nb.annotations, story.id],
  );
  const stable = mine.length ? mine : EMPTY;
  const placed = useMemo(() => placeAnnotations(stable, st), [stable, st]);
  const pieces = useMemo(() => highlightPieces(placed, st), [placed, st]);
  // The record as it was when opened, too: if another tab deletes it meanwhile, the editor stays
  // (with what was typed in it) and says so, rather than vanishing.
  const [open, setOpen] = useState<{ id: string; focusNote: boolean; was?: Annotation } | null>(
    null,
  );
  const [undo, setUndo] = useState<Annotation | null>(null);
  const [selection, clearSelection] = useStorySelection(st);
  const actions = useHighlightActions({ storyId: story.id, title, hash, st });

  // The words a shared quote link names (`:~:text=`), marked on arrival.
  const [linked] = useState(() => {
    const d = linkedQuote();
    const range = d && findTextDirective(st.text, d);
    return range ? splitByParagraph(st, range[0], range[1]) : [];
  });
  const byId = useMemo(() => new Map(stable.map((a) => [a.id, a])), [stable]);
  const innerFor = useCallback(
    (i: number): InnerMark[] => [
      ...linked
        .filter((l) => l.paragraph === i)
        .map((l) => ({ start: l.start, end: l.end, props: { 'data-linked-quote': '' } })),
      ...(pieces.get(i) ?? []).map((piece) => ({
        start: piece.start,
        end: piece.end,
        props: {
          'data-highlight': piece.id,
          'data-color': piece.color,
          'data-has-note': byId.get(piece.id)?.note ? '' : undefined,
          'data-open': open?.id === piece.id ? '' : undefined,
        },
      })),
    ],
    [pieces, byId, open?.id, linked],
  );

  const highlight = useCallback(
    (color = rememberedColor()) => {
      if (!selection) return;
      const made = actions.create(selection.start, selection.end, color);
      clearSelection();
      if (made) toast('Highlighted');
    },
    [selection, actions, clearSelection],
  );
  const addNote = useCallback(() => {
    if (!selection) return;
    const made = actions.create(selection.start, selection.end, rememberedColor());
    clearSelection();
    if (made) setOpen({ id: made.id, focusNote: true, was: made });
  }, [selection, actions, clearSelection]);
  const copy = useCallback(() => {
    if (selection) void actions.copyQuote(selection.start, selection.end);
  }, [selection, actions]);
  const attach = useCallback(() => {
    if (!selection || !reattachId) return;
    if (actions.reattach(reattachId, selection.start, selection.end)) {
      clearSelection();
      onReattach(null);
      toast('Highlight re-attached');
    }
  }, [selection, reattachId, actions, clearSelection, onReattach]);

  const remove = useCallback((id: string) => {
    const gone = notebook.remove(id);
    setOpen(null);
    if (gone) setUndo(gone);
  }, []);

  // Keys: Shift+arrows select; with a selection, h / 1–4 highlight, a adds a note, c copies,
  // Enter attaches while re-attaching, Esc lets go of the selection.
  const keys = useRef({ highlight, addNote, copy, attach, selection, linked: o.linkedParagraph });
  useEffect(() => {
    keys.current = { highlight, addNote, copy, attach, selection, linked: o.linkedParagraph };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = (e.target as HTMLElement | null)?.closest(
        'input, textarea, select, [contenteditable="true"], [role="dialog"]',
      );
      if (typing || e.defaultPrevented || e.isComposing) return;
      const k = keys.current;
      if (extendSelectionByKey(e, k.linked)) return e.preventDefault();
      if (!k.selection || isTypingTarget(e)) return;
      const n = Number(e.key);
      const run =
        e.key === 'h'
          ? () => k.highlight()
          : n >= 1 && n <= HIGHLIGHT_COLORS.length
            ? () => k.highlight(HIGHLIGHT_COLORS[n - 1])
            : e.key === 'a'
              ? k.addNote
              : e.key === 'c'
                ? k.copy
                : e.key === 'Enter' && reattachId
                  ? k.attach
                  : e.key === 'Escape'
                    ? () => document.getSelection()?.removeAllRanges()
                    : null;
      if (!run) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      run();
    };
    // Capture: ahead of the reading view's own keys (n/N, j/k), which bubble.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [reattachId]);

  /** A click on a highlight opens it (ahead of the entity card), unless it ended a selection. */
  const onClick = useCallback((e: MouseEvent<HTMLElement>): boolean => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-highlight]');
    if (!mark || !document.getSelection()?.isCollapsed) return false;
    const id = mark.dataset.highlight!;
    setOpen({ id, focusNote: false, was: notebook.getSnapshot().byId.get(id) });
    return true;
  }, []);

  const openOne = useCallback((id: string) => {
    highlightElement(id)?.scrollIntoView({ block: 'center' });
    setOpen({ id, focusNote: false, was: notebook.getSnapshot().byId.get(id) });
  }, []);

  const orphans = placed.filter((p) => p.anchor.status === 'orphan');
  const reattaching = reattachId ? nb.byId.get(reattachId) : undefined;
  const opened = open ? (nb.byId.get(open.id) ?? open.was) : undefined;

  const panel = (
    <>
      {nb.problem && (
        <StorageBanner
          problem={nb.problem}
          unsaved={nb.unsaved}
          onRetry={() => void notebook.retry()}
        />
      )}
      {reattaching && (
        <div
          role="status"
          className="rounded-md border border-accent/50 p-3 font-sans text-sm dark:border-accent-dark/50"
        >
          Re-attaching “{reattaching.quote.exact}”: select the words it belongs to now, then choose
          “Attach here” (or press Enter).{' '}
          <button type="button" className="underline" onClick={() => onReattach(null)}>
            Cancel
          </button>
        </div>
      )}
      <StoryHighlights
        placed={placed.filter((p) => p.anchor.status !== 'orphan')}
        orphans={orphans}
        onOpen={openOne}
        onReattach={(id) => onReattach(id)}
        onDelete={remove}
      />
    </>
  );

  const overlay = (
    <>
      {selection && !opened && (
        <SelectionToolbar
          selection={selection}
          onHighlight={highlight}
          onNote={addNote}
          onCopy={copy}
          onAttach={reattaching ? attach : undefined}
        />
      )}
      {opened && (
        <HighlightEditor
          key={opened.id}
          annotation={opened}
          anchor={highlightElement(opened.id)}
          focusNote={open?.focusNote ?? false}
          storageMessage={nb.problem?.message ?? null}
          onColor={(color) => void notebook.update(opened.id, { color })}
          onSaveNote={(note, expect) => notebook.update(opened.id, { note }, expect)}
          onDelete={() => remove(opened.id)}
          onCopyQuote={() => {
            const p = placed.find((x) => x.annotation.id === opened.id)?.anchor;
            if (p && p.status !== 'orphan') void actions.copyQuote(p.start, p.end);
          }}
          onClose={() => {
            setOpen(null);
            highlightElement(opened.id)?.closest<HTMLElement>('[data-story-text]')?.focus?.();
          }}
        />
      )}
      {undo && (
        <UndoBar
          message="Highlight deleted."
          onUndo={() => {
            notebook.restore(undo);
            setUndo(null);
            toast('Highlight restored');
          }}
          onDone={() => setUndo(null)}
        />
      )}
    </>
  );

  return { innerFor, onClick, panel, overlay };
}
