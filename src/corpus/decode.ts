/**
 * Bytes → text. Files come from folders nobody curated: UTF-8 with or without a BOM, or legacy
 * single-byte text (the BBC set has a bare 0xA3 for £). Invalid UTF-8 is read as Windows-1252,
 * the superset of Latin-1 that browsers use for "ISO-8859-1", so no byte is ever dropped.
 */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: cp1252.decode(bytes), encoding: 'windows-1252' };
  }
}
