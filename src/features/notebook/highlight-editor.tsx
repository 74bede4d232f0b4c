import { useCallback, useEffect, useRef, useState } from 'react';
import { placeBelowOrAbove, useFollowViewport } from '../../lib/follow-viewport';
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type HighlightColor,
} from '../../corpus/notebook/types';
import type { UpdateResult } from '../../data/notebook/notebook-store';
import { BUTTON, COLOR_LABEL, SWATCH_CLASS } from './highlight-style';

/** Typing pauses this long before the note is saved. */
const SAVE_AFTER_MS = 600;

type SaveState =
  | { kind: 'idle' | 'saving' | 'saved' }
  | { kind: 'unsaved'; message: string }
  | { kind: 'conflict'; theirs: string };

export interface HighlightEditorProps {
  annotation: Annotation;
  /** The first piece of the highlight in the text (null: not on screen, e.g. an orphan). */
  anchor: HTMLElement | null;
  focusNote: boolean;
  /** Why saving does not reach storage right now, if it does not. */
  storageMessage: string | null;
  onColor: (c: HighlightColor) => void;
  onSaveNote: (note: string, expectNote?: string) => Promise<UpdateResult>;
  onDelete: () => void;
  onCopyQuote: () => void;
  onClose: () => void;
}

/**
 * A highlight opened: its colour, its note edited in place (saved as you type), copy, delete.
 * A non-modal dialog near the highlight; Esc closes it. The note is plain text on screen; it may
 * be Markdown, and leaves as Markdown in exports. Nothing typed is dropped: a note that cannot be
 * saved stays here with the reason, and one that another tab changed meanwhile is shown beside
 * yours, for you to choose.
 */
export function HighlightEditor(p: HighlightEditorProps) {
  const ref = useRef<HTMLDivElement>(null);
  const note = useRef<HTMLTextAreaElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const [draft, setDraft] = useState(p.annotation.note);
  // The stored note this editor last knew: a save expects storage to still hold it.
  const base = useRef(p.annotation.note);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const { anchor, onClose, onSaveNote } = p;

  const place = useCallback(() => {
    const width = Math.min(384, window.innerWidth - 16);
    const height = ref.current?.offsetHeight ?? 300;
    const r = anchor?.getBoundingClientRect();
    // Without its mark on screen (an orphan), the editor sits in the middle, under the header.
    if (!r)
      return setPos({
        top: Math.max(72, (window.innerHeight - height) / 2),
        left: (window.innerWidth - width) / 2,
      });
    setPos(placeBelowOrAbove(r, width, height, 64));
  }, [anchor]);
  useFollowViewport(place, ref);

  useEffect(() => {
    if (p.focusNote) note.current?.focus();
    else ref.current?.focus();
    // Only on opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const commit = useCallback(
    async (text: string, force = false) => {
      if (text === base.current && !force) return true;
      setSave({ kind: 'saving' });
      const r = await onSaveNote(text, force ? undefined : base.current);
      if (r.status === 'conflict') {
        setSave({ kind: 'conflict', theirs: r.stored.note });
        return false;
      }
      if (r.status === 'unsaved') {
        setSave({ kind: 'unsaved', message: p.storageMessage ?? 'The note could not be saved.' });
        base.current = text;
        return false;
      }
      if (r.status === 'missing') {
        // Deleted meanwhile (in another tab): say so, and keep the text here to copy.
        setSave({
          kind: 'unsaved',
          message: 'This highlight was deleted, in another tab perhaps.',
        });
        return false;
      }
      base.current = text;
      setSave({ kind: 'saved' });
      return true;
    },
    [onSaveNote, p.storageMessage],
  );

  useEffect(() => {
    if (draft === base.current || save.kind === 'conflict') return;
    const t = setTimeout(() => void commit(draft), SAVE_AFTER_MS);
    return () => clearTimeout(t);
  }, [draft, commit, save.kind]);

  const close = useCallback(async () => {
    if (save.kind === 'conflict') return note.current?.focus();
    await commit(draft);
    onClose();
  }, [commit, draft, onClose, save.kind]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      void close();
    };
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!ref.current?.contains(t) && !anchor?.contains(t)) void close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [anchor, close]);

  const quote = p.annotation.quote.exact;
  return (
    <div
      ref={ref}
      role="dialog"
      aria-label="Highlight"
      tabIndex={-1}
      style={{ top: pos?.top ?? -9999, left: pos?.left ?? 0 }}
      // Keys typed here are the editor's, not the reading view's (j, k, h…).
      onKeyDown={(e) => e.key !== 'Escape' && e.stopPropagation()}
      className="fixed z-40 max-h-[calc(100dvh-5rem)] w-[24rem] max-w-[calc(100vw-1rem)] overflow-y-auto rounded-xl border border-black/10 bg-white p-4 font-sans text-sm shadow-xl outline-none dark:border-white/15 dark:bg-neutral-900"
    >
      <blockquote className="line-clamp-3 border-l-2 border-black/20 pl-2 font-serif text-ink/80 italic dark:border-white/25 dark:text-night-ink/80">
        {quote}
      </blockquote>
      <fieldset className="mt-3 flex items-center gap-2">
        <legend className="sr-only">Colour</legend>
        {HIGHLIGHT_COLORS.map((c) => (
          <label
            key={c}
            className="flex cursor-pointer items-center gap-1 rounded-md px-1.5 py-1 hover:bg-black/5 has-[:checked]:ring-2 has-[:checked]:ring-accent dark:hover:bg-white/10 dark:has-[:checked]:ring-accent-dark"
          >
            <input
              type="radio"
              name="highlight-color"
              value={c}
              checked={p.annotation.color === c}
              onChange={() => p.onColor(c)}
              className="sr-only"
            />
            <span
              aria-hidden
              className={`h-4 w-4 rounded-full ring-1 ring-black/20 dark:ring-white/30 ${SWATCH_CLASS[c]}`}
            />
            <span className="text-xs">{COLOR_LABEL[c]}</span>
          </label>
        ))}
      </fieldset>
      <label className="mt-3 block text-xs font-medium" htmlFor="highlight-note">
        Note{' '}
        <span className="font-normal text-ink/70 dark:text-night-ink/70">(Markdown is fine)</span>
      </label>
      <textarea
        id="highlight-note"
        ref={note}
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          if (save.kind === 'saved') setSave({ kind: 'idle' });
        }}
        onBlur={() => void commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void close();
          }
        }}
        rows={4}
        className="mt-1 block w-full resize-y rounded-md border border-black/20 bg-paper p-2 text-sm text-ink dark:border-white/25 dark:bg-night dark:text-night-ink"
      />
      <SaveLine
        save={save}
        onKeepMine={() => void commit(draft, true)}
        onUseTheirs={(t) => {
          base.current = t;
          setDraft(t);
          setSave({ kind: 'saved' });
        }}
      />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={BUTTON} onClick={() => void close()}>
          Done
        </button>
        <button type="button" className={BUTTON} onClick={p.onCopyQuote}>
          Copy quote
        </button>
        <button
          type="button"
          className={`${BUTTON} ml-auto text-red-800 dark:text-red-300`}
          onClick={p.onDelete}
        >
          Delete highlight
        </button>
      </div>
    </div>
  );
}

function SaveLine(p: {
  save: SaveState;
  onKeepMine: () => void;
  onUseTheirs: (theirs: string) => void;
}) {
  const { save } = p;
  if (save.kind === 'conflict') {
    return (
      <div role="alert" className="mt-2 rounded-md bg-amber-50 p-2 text-xs dark:bg-amber-950/40">
        <p>This note was changed in another tab meanwhile. Theirs:</p>
        <p className="mt-1 whitespace-pre-wrap border-l-2 border-amber-600 pl-2">
          {save.theirs || '(empty)'}
        </p>
        <p className="mt-2 flex gap-3">
          <button type="button" className="underline" onClick={p.onKeepMine}>
            Keep mine
          </button>
          <button type="button" className="underline" onClick={() => p.onUseTheirs(save.theirs)}>
            Use theirs
          </button>
        </p>
      </div>
    );
  }
  if (save.kind === 'unsaved') {
    return (
      <p role="alert" className="mt-2 text-xs text-red-800 dark:text-red-300">
        Not saved: {save.message} Your note stays here.
      </p>
    );
  }
  return (
    <p role="status" className="mt-1 h-4 text-xs text-ink/70 dark:text-night-ink/70">
      {save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? 'Saved' : ''}
    </p>
  );
}
