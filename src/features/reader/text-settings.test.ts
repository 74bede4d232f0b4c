import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEXT_SETTINGS,
  MEASURE_CH,
  parseTextSettings,
  serializeTextSettings,
  sizeValueText,
  TEXT_SIZES,
  textSizeRem,
} from './text-settings';

describe('text settings', () => {
  it('round-trips every combination through storage', () => {
    for (let size = 0; size < TEXT_SIZES.length; size++)
      for (const font of ['serif', 'sans'] as const)
        for (const width of ['narrow', 'normal', 'wide'] as const) {
          const s = { size, font, width };
          expect(parseTextSettings(serializeTextSettings(s))).toEqual(s);
        }
  });

  it('falls back to the defaults for nothing stored or something unreadable', () => {
    expect(parseTextSettings(null)).toEqual(DEFAULT_TEXT_SETTINGS);
    expect(parseTextSettings('')).toEqual(DEFAULT_TEXT_SETTINGS);
    expect(parseTextSettings('{"size":')).toEqual(DEFAULT_TEXT_SETTINGS);
    expect(parseTextSettings('null')).toEqual(DEFAULT_TEXT_SETTINGS);
    expect(parseTextSettings('"large"')).toEqual(DEFAULT_TEXT_SETTINGS);
  });

  it('keeps the valid fields of a partly wrong entry', () => {
    expect(parseTextSettings('{"size":4,"font":"comic","width":"wide"}')).toEqual({
      size: 4,
      font: 'serif',
      width: 'wide',
    });
    expect(parseTextSettings('{"size":2.5,"font":"sans"}')).toEqual({
      size: 2,
      font: 'sans',
      width: 'normal',
    });
    // A larger step from a future version is read as the largest there is.
    expect(parseTextSettings('{"size":9}').size).toBe(TEXT_SIZES.length - 1);
    expect(parseTextSettings('{"size":-1}').size).toBe(DEFAULT_TEXT_SETTINGS.size);
  });

  it('has five growing sizes, the default being the size the view always had', () => {
    expect(TEXT_SIZES).toHaveLength(5);
    for (let i = 1; i < TEXT_SIZES.length; i++)
      expect(TEXT_SIZES[i]).toBeGreaterThan(TEXT_SIZES[i - 1]!);
    expect(textSizeRem(DEFAULT_TEXT_SETTINGS.size)).toBe(1.1875);
    expect(textSizeRem(99)).toBe(TEXT_SIZES[4]);
  });

  it('keeps every line width inside a readable measure', () => {
    expect(MEASURE_CH.narrow).toBeLessThan(MEASURE_CH.normal);
    expect(MEASURE_CH.normal).toBeLessThan(MEASURE_CH.wide);
    for (const ch of Object.values(MEASURE_CH)) {
      expect(ch).toBeGreaterThanOrEqual(45);
      expect(ch).toBeLessThanOrEqual(80);
    }
  });

  it('says the size in words', () => {
    expect(sizeValueText(0)).toBe('Smallest, 1 of 5');
    expect(sizeValueText(2)).toBe('Medium, 3 of 5');
  });
});
