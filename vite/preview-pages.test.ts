import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../src/corpus/parse-file.ts';
import type { ManifestFile, Story } from '../src/corpus/types.ts';
import { previewPages } from './preview-pages.ts';
import { storyPageHtml } from './story-pages.ts';

const INDEX = '<html><head><title>Dispatch</title></head><body></body></html>';
// Two ledes that open alike: their derived titles are lengthened until they differ.
const SAME =
  'The council said on Monday that the new bridge over the river would open to traffic in the spring of next year after long delays';

function folder(texts: Record<string, string>) {
  const files: ManifestFile[] = [];
  const parsed = new Map<string, { stories: Story[] }>();
  for (const [id, text] of Object.entries(texts)) {
    const bytes = new TextEncoder().encode(text);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    files.push({ id, path: `${id}.txt`, section: null, size: bytes.length, hash });
    parsed.set(id, parseFile({ fileId: id, section: null, bytes }));
  }
  return { files, parsed };
}

const hashes = (pages: { path: string; hash: string }[]) =>
  Object.fromEntries(pages.map((p) => [p.path, p.hash]));

describe('previewPages', () => {
  const texts = {
    a: `${SAME}, officials said.\n\nMore.`,
    b: `${SAME}, residents said.\n\nMore.`,
    c: 'Headline\n\nA story of its own.',
  };

  it('makes each page as storyPageHtml does', async () => {
    const { files, parsed } = folder(texts);
    const pages = previewPages(INDEX, 'key', files, parsed, 'https://example.org');
    expect(pages.map((p) => p.path)).toEqual(['a/index.html', 'b/index.html', 'c/index.html']);
    const story = parsed.get('c')!.stories[0]!;
    const html = storyPageHtml(
      INDEX,
      story,
      story.title,
      'https://example.org',
      '/story/c',
      files[2]!,
    );
    expect(await pages[2]!.data()).toBe(html);
  });

  it("changes a page's hash when its file, its title or the template does, and no other", () => {
    const before = folder(texts);
    const base = hashes(previewPages(INDEX, 'key', before.files, before.parsed, null));
    // c edited: only its page.
    const editedC = folder({ ...texts, c: 'Headline\n\nA story of its own, edited.' });
    const afterC = hashes(previewPages(INDEX, 'key', editedC.files, editedC.parsed, null));
    expect(Object.keys(base).filter((p) => afterC[p] !== base[p])).toEqual(['c/index.html']);
    // a's lede no longer opens like b's: b's title (the later one) is no longer lengthened, so
    // b's page changes too, though b's file did not.
    const editedA = folder({ ...texts, a: 'Officials gathered at the bridge.\n\nMore.' });
    const afterA = hashes(previewPages(INDEX, 'key', editedA.files, editedA.parsed, null));
    expect(Object.keys(base).filter((p) => afterA[p] !== base[p])).toEqual([
      'a/index.html',
      'b/index.html',
    ]);
    // A new template (bundle, code or site URL): every page.
    const other = hashes(previewPages(INDEX, 'other', before.files, before.parsed, null));
    expect(Object.keys(base).filter((p) => other[p] !== base[p])).toHaveLength(3);
  });
});
