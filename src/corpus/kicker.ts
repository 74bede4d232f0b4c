/**
 * Kickers are the ALL-CAPS labels that open teaser lines: "CLASH OF WORDS: While …",
 * "‘CHARM OFFENSIVE’: Beijing …". They are kept as metadata of the brief, never as body text.
 */
export interface KickerSplit {
  /** Display form: "CHARM OFFENSIVE". */
  kicker: string;
  /** Exactly as in the text, quotes and colon included: "‘CHARM OFFENSIVE’:". */
  raw: string;
  /** The rest of the line after the kicker and the whitespace following it. */
  rest: string;
}

// Up to six words of capitals (digits, &, ', - allowed), optionally quoted, then a colon.
const KICKER =
  /^(\s*["'‘“]?((?:[\p{Lu}\p{N}][\p{Lu}\p{N}&'’.-]*)(?:\s+[\p{Lu}\p{N}&][\p{Lu}\p{N}&'’.-]*){0,5})["'’”]?\s*:)(\s+)/u;

export function splitKicker(line: string): KickerSplit | null {
  const m = KICKER.exec(line);
  if (!m) return null;
  const raw = m[1]!.trim();
  const kicker = m[2]!.trim().replace(/^['‘’"“”]+|['‘’"“”]+$/gu, '');
  // Two letters at least, and at least one real letter: "US:" is a kicker, "2024:" is not.
  if (kicker.replace(/[^\p{Lu}]/gu, '').length < 2) return null;
  const rest = line.slice(m[0].length);
  if (!rest.trim()) return null;
  return { kicker, raw, rest };
}
