import { PARAGRAPH_SEPARATOR } from './story-text';

/**
 * The text "Copy quote" puts on the clipboard: `“quote” — Title, link`. An ellipsis marks a quote
 * cut out of a sentence (“…promised full support…”), none where it starts or ends one, as a
 * careful writer quotes; paragraphs of a longer quote stay paragraphs.
 */
export function quoteForClipboard(
  text: string,
  start: number,
  end: number,
  title: string,
  link: string,
): string {
  const quote = text.slice(start, end).trim();
  const lead = startsSentence(text, start) ? '' : '…';
  const tail = endsSentence(text, end) ? '' : '…';
  return `“${lead}${quote}${tail}” — ${title}, ${link}`;
}

function startsSentence(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/[ \t]+$/u, '');
  return (
    before === '' ||
    before.endsWith(PARAGRAPH_SEPARATOR) ||
    before.endsWith('\n') ||
    /[.!?…]["”’')\]]*$/u.test(before)
  );
}

function endsSentence(text: string, end: number): boolean {
  const quote = text.slice(0, end).trimEnd();
  const after = text.slice(end).replace(/^[ \t]+/u, '');
  return /[.!?…]["”’')\]]*$/u.test(quote) || after === '' || after.startsWith('\n');
}
