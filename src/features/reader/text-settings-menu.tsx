import { useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { ACTION_BUTTON } from './story-actions';
import {
  DEFAULT_TEXT_SETTINGS,
  sameTextSettings,
  SIZE_NAMES,
  sizeValueText,
  TEXT_SIZES,
  type TextFont,
  type TextSettings,
  type TextWidth,
} from './text-settings';

const FONT_OPTIONS: { value: TextFont; label: string; className: string }[] = [
  { value: 'serif', label: 'Serif', className: 'font-serif' },
  { value: 'sans', label: 'Sans', className: 'font-sans' },
];
const WIDTH_OPTIONS: { value: TextWidth; label: string }[] = [
  { value: 'narrow', label: 'Narrow' },
  { value: 'normal', label: 'Normal' },
  { value: 'wide', label: 'Wide' },
];

/**
 * The `Aa` button and its panel: text size (a five-step slider), serif or sans, line width.
 * A disclosure that opens a non-modal dialog: focus moves into it, Esc closes it and gives focus
 * back to the button, and so does a click elsewhere or Tab out of it (focus then goes where it
 * was sent). Changes apply at once; there is nothing to confirm.
 *
 * The panel is placed against the nearest positioned ancestor (the story's action row), so on a
 * phone it spans the column instead of hanging off the button's right edge.
 */
export function TextSettingsMenu(p: {
  settings: TextSettings;
  onChange: (patch: Partial<TextSettings>) => void;
  onReset: () => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    // The entity card and the palette listen for Esc on the document: this one is ours.
    e.stopPropagation();
    close();
  };
  // Tab past the last control (or Shift+Tab past the first, to the button) leaves the panel.
  // A null target is the window losing focus (another app): the panel stays for the return.
  const onBlur = (e: FocusEvent) => {
    const to = e.relatedTarget as Node | null;
    if (to && !panel.current?.contains(to) && to !== button.current) setOpen(false);
  };

  const s = p.settings;
  return (
    <>
      <button
        ref={button}
        type="button"
        className={ACTION_BUTTON}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-controls={open ? id : undefined}
        title="Text settings"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={open ? onKeyDown : undefined}
      >
        <span className="font-serif">Aa</span>
        <span className="sr-only"> text settings</span>
      </button>
      {open && (
        <div
          ref={panel}
          id={id}
          role="dialog"
          aria-label="Text settings"
          tabIndex={-1}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
          className="absolute top-full left-0 z-20 mt-2 w-80 max-w-full space-y-4 rounded-xl border border-black/10 bg-white p-4 font-sans text-sm shadow-xl outline-none dark:border-white/15 dark:bg-neutral-900"
        >
          <div>
            <div className="flex items-baseline justify-between">
              <label htmlFor={`${id}-size`} className="font-semibold">
                Size
              </label>
              <span aria-hidden className="text-xs text-ink/75 dark:text-night-ink/75">
                {SIZE_NAMES[s.size]}
              </span>
            </div>
            <div className="mt-1 flex items-center gap-3">
              <span aria-hidden className="font-serif text-sm">
                A
              </span>
              <input
                ref={first}
                id={`${id}-size`}
                type="range"
                min={0}
                max={TEXT_SIZES.length - 1}
                step={1}
                value={s.size}
                aria-valuetext={sizeValueText(s.size)}
                onChange={(e) => p.onChange({ size: Number(e.target.value) })}
                className="h-6 min-w-0 flex-1 accent-accent dark:accent-accent-dark"
              />
              <span aria-hidden className="font-serif text-2xl leading-none">
                A
              </span>
            </div>
          </div>
          <Choice
            legend="Font"
            name={`${id}-font`}
            options={FONT_OPTIONS}
            value={s.font}
            onChange={(font) => p.onChange({ font })}
          />
          <Choice
            legend="Line width"
            name={`${id}-width`}
            options={WIDTH_OPTIONS}
            value={s.width}
            onChange={(width) => p.onChange({ width })}
          />
          <p className="-mt-2 text-xs text-ink/75 sm:hidden dark:text-night-ink/75">
            The text already fills a screen this narrow: line width applies on wider ones.
          </p>
          <div className="flex justify-between">
            <button
              type="button"
              onClick={p.onReset}
              disabled={sameTextSettings(s, DEFAULT_TEXT_SETTINGS)}
              className="rounded-md px-2 py-1 underline-offset-2 hover:underline disabled:opacity-50 disabled:hover:no-underline"
            >
              Reset
            </button>
            <button
              type="button"
              onClick={close}
              className="rounded-md border border-black/15 px-3 py-1 font-medium hover:bg-black/5 dark:border-white/20 dark:hover:bg-white/10"
            >
              Done
            </button>
          </div>
        </div>
      )}
    </>
  );
}

/** A row of radio buttons drawn as a segmented control (real radios: arrow keys, one Tab stop). */
function Choice<T extends string>(p: {
  legend: string;
  name: string;
  options: { value: T; label: string; className?: string }[];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend className="font-semibold">{p.legend}</legend>
      <div className="mt-1 flex rounded-lg border border-black/15 p-0.5 dark:border-white/20">
        {p.options.map((o) => (
          <label key={o.value} className="flex-1 cursor-pointer">
            <input
              type="radio"
              name={p.name}
              value={o.value}
              checked={p.value === o.value}
              onChange={() => p.onChange(o.value)}
              className="peer sr-only"
            />
            <span
              className={`block rounded-md px-2 py-1 text-center peer-checked:bg-ink peer-checked:text-paper peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-accent dark:peer-checked:bg-night-ink dark:peer-checked:text-night dark:peer-focus-visible:outline-accent-dark ${o.className ?? ''}`}
            >
              {o.label}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
