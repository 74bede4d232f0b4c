/**
 * The reader's text settings (the `Aa` menu): size, typeface and line width, as plain data with
 * a tolerant reader for what localStorage hands back. Nothing here touches the DOM.
 */
export type TextFont = 'serif' | 'sans';
export type TextWidth = 'narrow' | 'normal' | 'wide';

export interface TextSettings {
  /** Index into TEXT_SIZES. */
  size: number;
  font: TextFont;
  width: TextWidth;
}

/**
 * Body text sizes in rem: 16, 17.5, 19 (the size the reading view always had), 21 and 24 px.
 * Steps grow a little as they go, as a reader asking for "larger" twice means it.
 */
export const TEXT_SIZES = [1, 1.09375, 1.1875, 1.3125, 1.5] as const;
export const SIZE_NAMES = ['Smallest', 'Small', 'Medium', 'Large', 'Largest'] as const;

/**
 * Line widths, in characters of the body text itself (CSS `ch` at the chosen size and typeface),
 * so a larger size widens the column instead of putting fewer words on a line. A line holds
 * ~1.2 characters of running text per `ch` (measured on the seeds, serif and sans): narrow,
 * normal and wide are ~56, ~68 and ~80 characters a line, inside the 45–80 that typographers
 * recommend. (The column was 68ch of the 16 px interface font before: ~84 characters of the
 * body text.) A screen narrower than the measure gives less: the column never overflows it.
 */
export const MEASURE_CH: Readonly<Record<TextWidth, number>> = {
  narrow: 46,
  normal: 56,
  wide: 66,
};

export const FONTS: readonly TextFont[] = ['serif', 'sans'];
export const WIDTHS: readonly TextWidth[] = ['narrow', 'normal', 'wide'];

export const DEFAULT_TEXT_SETTINGS: Readonly<TextSettings> = {
  size: 2,
  font: 'serif',
  width: 'normal',
};

/**
 * Settings from a stored string. Each field is checked on its own, so a hand-edited or older
 * entry keeps what is valid in it and falls back to the default for the rest; never throws.
 */
export function parseTextSettings(raw: string | null): TextSettings {
  const out = { ...DEFAULT_TEXT_SETTINGS };
  if (!raw) return out;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return out;
  }
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  if (typeof v.size === 'number' && Number.isInteger(v.size) && v.size >= 0) {
    out.size = Math.min(v.size, TEXT_SIZES.length - 1);
  }
  if (FONTS.includes(v.font as TextFont)) out.font = v.font as TextFont;
  if (WIDTHS.includes(v.width as TextWidth)) out.width = v.width as TextWidth;
  return out;
}

export function serializeTextSettings(s: TextSettings): string {
  return JSON.stringify({ size: s.size, font: s.font, width: s.width });
}

export function sameTextSettings(a: TextSettings, b: TextSettings): boolean {
  return a.size === b.size && a.font === b.font && a.width === b.width;
}

/** The size in rem of a step (clamped, so a bad index still renders). */
export function textSizeRem(size: number): number {
  return TEXT_SIZES[Math.max(0, Math.min(TEXT_SIZES.length - 1, Math.round(size)))]!;
}

/** "Medium, 3 of 5": what the size slider says to a screen reader. */
export function sizeValueText(size: number): string {
  const i = Math.max(0, Math.min(SIZE_NAMES.length - 1, Math.round(size)));
  return `${SIZE_NAMES[i]}, ${i + 1} of ${SIZE_NAMES.length}`;
}
