/**
 * One thread of the build's entity analysis (see analysis-pool.ts): parses each file it is sent
 * and runs the recognizer the browser's worker runs over its stories, answering with the compact
 * code. Loaded through analysis-thread-entry.mjs, which lets Node run TypeScript.
 */
import { parentPort } from 'node:worker_threads';
import { nodeTagger } from '../scripts/lib/ner/node-tagger';
import { encodeFile } from '../src/corpus/entities/analysis-codec';
import { analyzeStory } from '../src/corpus/entities/recognize';
import { isBinaryFile, parseFile } from '../src/corpus/parse-file';
import type { AnalysisJob, AnalysisReply } from './analysis-pool';

const port = parentPort!;
const tagger = nodeTagger();

port.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    const file = parseFile({ fileId: job.fileId, section: job.section, bytes: job.bytes });
    // As the browser's worker does (analysis-store.ts): a binary file is not analysed.
    const code = isBinaryFile(file)
      ? null
      : encodeFile(
          file.stories,
          file.stories.map((s) => analyzeStory(s, tagger)),
        );
    reply = { hash: job.hash, code };
  } catch (err) {
    reply = { hash: job.hash, code: null, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
port.postMessage('ready');
