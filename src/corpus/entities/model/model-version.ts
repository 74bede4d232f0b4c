// Written by `npm run train:entities` with the model file: do not edit.
/** Hash of ner-model.bin.gz: part of every cache key of the analyses it made. */
export const MODEL_VERSION = '0421b27a';
