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

// IMPORTANT: Node's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls (plain Latin-1)
// while browsers follow the WHATWG table; decoding by hand keeps worker, tests and benches identical.
// Bytes the table leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the same code point, as in WHATWG.
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    const codes = Array.from(slice, (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
