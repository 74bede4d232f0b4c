import { PARSER_VERSION } from '../parse-file.ts';
import { MODEL_VERSION } from './model/model-version.ts';

/**
 * The version of `analyzeStory`'s rule layer. Bump it whenever the rules change its output, or
 * stale analyses would be served: it is part of the key of every stored analysis (the browser's
 * IndexedDB cache, the build's disk cache and the analyses the build ships).
 */
export const RULES_VERSION = 17;

/**
 * Everything an analysis of a file's text depends on besides the text: the rules, the model (a
 * hash of its file, so a retrained model redoes every analysis) and the parser, which makes the
 * paragraphs the mentions' offsets point into.
 */
export const ANALYSIS_VERSION = `r${RULES_VERSION}-m${MODEL_VERSION}-p${PARSER_VERSION}`;
