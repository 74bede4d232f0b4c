import { useSyncExternalStore } from 'react';

/**
 * Whether the search palette is open, shared by the header trigger, the global shortcuts and the
 * palette itself. Remembers the element that had focus when it opened, to give focus back.
 */
let open = false;
let returnTo: HTMLElement | null = null;
let typedAhead = '';
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function openPalette(): void {
  if (open) return;
  const active = document.activeElement;
  returnTo = active instanceof HTMLElement && active !== document.body ? active : null;
  typedAhead = '';
  open = true;
  emit();
}

/** Closes the palette; `restoreFocus` gives focus back (not when a result was opened). */
export function closePalette(restoreFocus: boolean): void {
  if (!open) return;
  open = false;
  answered = false;
  answering = false;
  openings++;
  answerWaiters.forEach((w) => w());
  answerWaiters.clear();
  const target = returnTo;
  returnTo = null;
  typedAhead = '';
  emit();
  if (restoreFocus && target?.isConnected) target.focus({ preventScroll: true });
}

export function usePaletteOpen(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => open,
    () => false,
  );
}

/** Text typed after the palette opened, before its dialog's code was there (see TypeAhead). */
export function setTypedAhead(text: string): void {
  typedAhead = text;
  emit();
}

/** What was typed ahead of the dialog since the palette opened: its query until it is edited. */
export function useTypedAhead(): string {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => typedAhead,
    () => '',
  );
}

/** Whether the open palette has shown an answer to a query (reset when it closes). */
let answered = false;
/** Whether that answer has been committed and is waiting for its frame (see markPaletteAnswered). */
let answering = false;
/** Bumped at each closing: a frame that comes after it does not mark the next opening. */
let openings = 0;
const answerWaiters = new Set<() => void>();

/**
 * The palette's dialog shows results for what is typed (see usePalette): the waiters are told
 * once that frame has been painted. Told at the commit (a passive effect), the first page's
 * render and commit (the library's, 29–39 ms at load ~7) ran in a task before the frame that
 * was to paint the answer, and held it back by as much (traced).
 */
export function markPaletteAnswered(): void {
  if (answered || answering) return;
  answering = true;
  const opening = openings;
  afterNextPaint(() => {
    if (opening !== openings) return;
    answering = false;
    answered = true;
    answerWaiters.forEach((w) => w());
    answerWaiters.clear();
  });
}

/** After the next frame's paint: its animation frame, then a task (a timer without frames). */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}

/**
 * Resolves at once unless the palette is open and has not answered yet; then when it has, or
 * closes, or after `maxMs`. The first page of a visit waits for it: the palette opened during
 * boot covers the page, and the page's first render and commit (the library's: 50–65 ms, its
 * rows measured) held a warm reload's first answer back (traced, load ~7).
 */
export function whenPaletteAnswered(maxMs: number): Promise<void> {
  if (!open || answered) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      answerWaiters.delete(done);
      resolve();
    };
    const timer = setTimeout(done, maxMs);
    answerWaiters.add(done);
  });
}
