import type { Story } from '../types';

/** A one-story fixture from paragraphs, for tests and probes (the recognizer reads nothing else). */
export function story(paragraphs: string[], id = 's'): Story {
  return {
    id,
    fileId: id,
    section: null,
    kind: 'main',
    title: '',
    titleDerived: true,
    headline: null,
    kicker: null,
    kickerRaw: null,
    paragraphs,
    credits: [],
    truncated: false,
    wordCount: 0,
    readingMinutes: 1,
  };
}
