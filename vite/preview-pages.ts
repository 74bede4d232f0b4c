import { createHash } from 'node:crypto';
import path from 'node:path';
import { orderStories } from '../src/corpus/library.ts';
import type { ManifestFile, Story } from '../src/corpus/types.ts';
import { corpusCodeHash } from './code-hash.ts';
import { storyPageHtml } from './story-pages.ts';
import type { TreeFile } from './tree-sync.ts';

/**
 * What every preview page is made with besides its story: the code that makes pages (and, in
 * src/corpus, parses the stories they summarize), the built `index.html` they copy and the site's
 * URL. A new bundle, a new `SITE_URL` or a change to that code makes every page again.
 */
export async function previewTemplateKey(indexHtml: string, siteUrl: string | null) {
  const code = await corpusCodeHash([
    new URL('./preview-pages.ts', import.meta.url),
    new URL('./story-pages.ts', import.meta.url),
    new URL('./story-summaries.ts', import.meta.url),
    new URL('../src/data/file-hint.ts', import.meta.url),
  ]);
  return createHash('sha1')
    .update(`${code}\0${siteUrl ?? ''}\0`)
    .update(indexHtml)
    .digest('hex');
}

/**
 * The preview pages (`<story id>/index.html`) of the folder's stories, for tree-sync. Each page's
 * hash is that of its inputs, not of its HTML: the template key, the story's file as the
 * manifest lists it (its content hash keys the summary the page is made of, story-summaries.ts),
 * the story's id and its title after `distinctTitles` (which looks at the whole folder). So a
 * rebuild makes and writes only the pages whose inputs changed: making and hashing all 100,000
 * pages was ~14–20 s of every rebuild.
 */
export function previewPages(
  indexHtml: string,
  templateKey: string,
  files: ManifestFile[],
  parsed: ReadonlyMap<string, { stories: Story[] }>,
  siteUrl: string | null,
): TreeFile[] {
  const byId = new Map(files.map((f) => [f.id, { file: f, json: JSON.stringify(f) }]));
  const pages: TreeFile[] = [];
  for (const story of orderStories(files, parsed)) {
    const f = byId.get(story.fileId);
    if (!f) continue;
    const href = `/story/${story.id}`;
    pages.push({
      path: path.join(...story.id.split('/'), 'index.html'),
      hash: createHash('sha1')
        .update(`${templateKey}\0${f.json}\0${story.id}\0${story.title}`)
        .digest('hex'),
      // Made when written, rather than every page (a few KB each) held until then.
      data: () =>
        Promise.resolve(storyPageHtml(indexHtml, story, story.title, siteUrl, href, f.file)),
    });
  }
  return pages;
}
