import { describe, expect, it } from 'vitest';
import { loadFolder, SEEDS_DIR } from '../../../scripts/lib/corpora';
import { nodeTagger } from '../../../scripts/lib/ner/node-tagger';
import { parseText } from '../parse-file';
import {
  decodeFile,
  encodeFile,
  packAnalyses,
  packedFile,
  type AnalysisPack,
} from './analysis-codec';
import { ANALYSIS_VERSION } from './analysis-version';
import { analyzeStory } from './recognize';

const tagger = nodeTagger();
// Every seed file (main stories and briefs), analysed by the recognizer the worker runs.
const files = loadFolder(SEEDS_DIR).files.map((file) => ({
  file,
  hash: `hash-${file.fileId}`,
  analyses: file.stories.map((s) => analyzeStory(s, tagger)),
}));

function pack(): AnalysisPack {
  return packAnalyses(
    files.map((f) => ({ hash: f.hash, code: encodeFile(f.file.stories, f.analyses)! })),
  );
}

describe('compact analyses', () => {
  it('decode to exactly the StoryEntities the recognizer made, through a pack and JSON', () => {
    expect(
      files.reduce((n, f) => n + f.analyses.flatMap((a) => a.mentions).length, 0),
    ).toBeGreaterThan(200);
    const shipped = JSON.parse(JSON.stringify(pack())) as AnalysisPack;
    expect(shipped.version).toBe(ANALYSIS_VERSION);
    files.forEach((f, i) => {
      const code = packedFile(shipped, i, f.hash);
      expect(code).not.toBeNull();
      expect(decodeFile(code!, f.file.stories)).toEqual(f.analyses);
    });
  });

  it('are several times smaller than the analyses as JSON', () => {
    const verbose = JSON.stringify(files.map((f) => f.analyses)).length;
    expect(JSON.stringify(pack()).length * 3).toBeLessThan(verbose);
  });

  it('give nothing for other content, another version or a text they do not fit', () => {
    const p = pack();
    const first = files[0]!;
    // Another content hash: the file changed since the build.
    expect(packedFile(p, 0, 'another-hash')).toBeNull();
    // A build of other rules, model or parser.
    expect(packedFile({ ...p, version: 'r0-m0-p0' }, 0, first.hash)).toBeNull();
    // Missing: the build left the file to the browser, or there is no such file in the pack.
    expect(packedFile({ ...p, files: [null] }, 0, first.hash)).toBeNull();
    expect(packedFile(p, files.length, first.hash)).toBeNull();

    const code = packedFile(p, 0, first.hash)!;
    // Under a different parse: fewer stories, shorter paragraphs, another text.
    expect(decodeFile(code, first.file.stories.slice(1))).toBeUndefined();
    const cut = first.file.stories.map((s) => ({
      ...s,
      paragraphs: s.paragraphs.map((t) => t.slice(0, 5)),
    }));
    expect(decodeFile(code, cut)).toBeUndefined();
    const other = parseText({ fileId: first.file.fileId, section: null, text: 'Short.' }).stories;
    expect(decodeFile(code, other)).toBeUndefined();
    // Damaged tuples.
    expect(
      decodeFile(
        { ids: code.ids, stories: code.stories.map(() => [0, 0, 0, 0]) },
        first.file.stories,
      ),
    ).toBeUndefined();
    expect(decodeFile({ ids: [], stories: code.stories }, first.file.stories)).toBeUndefined();
  });

  it('are refused for an analysis that breaks what decoding relies on', () => {
    const { file, analyses } = files[0]!;
    const a = analyses[0]!;
    const m = a.mentions[0]!;
    const broken = (mentions: typeof a.mentions) => [{ ...a, mentions }, ...analyses.slice(1)];
    expect(
      encodeFile(file.stories, broken([{ ...m, text: 'other' }, ...a.mentions.slice(1)])),
    ).toBeNull();
    expect(encodeFile(file.stories, broken([...a.mentions.slice(1), m]))).toBeNull();
    expect(encodeFile(file.stories, analyses.slice(1))).toBeNull();
  });
});
