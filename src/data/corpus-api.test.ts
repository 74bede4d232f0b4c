import { describe, expect, it } from 'vitest';
import type { ManifestFile } from '../corpus/types';
import type { FolderEvent } from '../worker/protocol';
import { addEvent, type CorpusState } from './corpus-api';

const file = (id: string): ManifestFile => ({
  id,
  path: `${id}.txt`,
  section: null,
  size: 1,
  hash: `h-${id}`,
});
const rows = (id: string) => ({ fileId: id, hash: `h-${id}`, rows: [], notes: [] });
const EMPTY: CorpusState = {
  files: new Map(),
  failures: new Map(),
  titles: null,
  done: 0,
  total: 3,
};
const ev = (over: Partial<FolderEvent>): FolderEvent => ({
  type: 'folder',
  loadId: 1,
  files: [],
  failures: [],
  ...over,
});

describe('addEvent (the folder as the page holds it)', () => {
  it('counts each file once, however often it is told (a restarted worker loads it again)', () => {
    const events = [
      ev({ files: [rows('a'), rows('b')] }),
      ev({ failures: [{ file: file('c'), message: 'HTTP 500' }] }),
      ev({ files: [rows('a')] }),
    ];
    const s = events.reduce(addEvent, EMPTY);
    expect(s.done).toBe(3);
    expect([...s.files.keys()]).toEqual(['a', 'b']);
    expect([...s.failures.keys()]).toEqual(['c']);
    expect(s.titles).toBeNull();
  });

  it('drops a failure when the file loads after all, and takes the titles at the end', () => {
    const s = [
      ev({ failures: [{ file: file('a'), message: 'network error' }] }),
      ev({ files: [rows('a')] }),
      ev({ end: { titles: [['a', 'A longer title']] } }),
    ].reduce(addEvent, EMPTY);
    expect(s.failures.size).toBe(0);
    expect(s.done).toBe(1);
    expect(s.titles?.get('a')).toBe('A longer title');
  });

  it('does not call a file that is loaded a failure (a restarted worker that could not read it again)', () => {
    const s = [
      ev({ files: [rows('a')] }),
      ev({ failures: [{ file: file('a'), message: 'network error' }] }),
    ].reduce(addEvent, EMPTY);
    expect(s.failures.size).toBe(0);
    expect(s.done).toBe(1);
  });

  it('keeps the same maps when an event brings nothing new to them', () => {
    const s = addEvent(EMPTY, ev({ files: [rows('a')] }));
    const t = addEvent(s, ev({ end: { titles: [] } }));
    expect(t.files).toBe(s.files);
    expect(t.failures).toBe(s.failures);
  });
});
