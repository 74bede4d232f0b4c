import type { CSSProperties, ReactNode } from 'react';
import { Link } from '../../lib/router';
import type { Story } from '../../corpus/types';
import { absoluteUrl, paths } from '../../config/paths';
import { StoryActions } from './story-actions';
import { StoryText, type StoryTextProps } from './story-text';
import { MEASURE_CH, textSizeRem, type TextSettings } from './text-settings';
import { TextSettingsMenu } from './text-settings-menu';
import { useTextSettings } from './use-text-settings';

export interface Neighbour {
  id: string;
  title: string | null;
  /** The link, carrying the library filter the story was opened with. */
  href: string;
}

export interface StoryViewProps {
  story: Story;
  title: string;
  /** Title of the file's main story, for briefs ("from the file of …"). */
  sourceTitle: string | null;
  /** The story's file inside the folder (`business/001.txt`): printed under the title. */
  sourcePath: string;
  fileWarnings: string[];
  activeParagraph: number | null;
  prev: Neighbour | null;
  next: Neighbour | null;
  onCopyParagraph: StoryTextProps['onCopyParagraph'];
  renderText?: StoryTextProps['renderText'];
  /** A paragraph (1-based) that must be rendered at once (the first search hit's). */
  mustShow?: number;
  /** Tools under the header (highlight legend, search-hit navigation). */
  toolbar?: ReactNode;
  textHandlers?: StoryTextProps['handlers'];
  /** Floating UI anchored in the text (the entity card). */
  overlay?: ReactNode;
  aside?: ReactNode;
}

/**
 * The article carries the reader's text settings as custom properties: its font size and
 * typeface are the body text's, so its `ch`-based width is a measure in the text's own
 * characters. The header and the tools set their own (interface) font and rem sizes.
 */
function articleStyle(s: TextSettings): CSSProperties {
  return {
    '--text-size': `${textSizeRem(s.size)}rem`,
    '--text-font': s.font === 'sans' ? 'var(--font-sans)' : 'var(--font-serif)',
    '--measure': MEASURE_CH[s.width],
  } as CSSProperties;
}

/**
 * The reading view: a readable measure, the reader's text settings, credits, excerpt notice and
 * prev/next. Printed, it is the article alone: title, source file, address and text (the tools,
 * sidebar and pager are `print:hidden`; index.css strips the marks' colours).
 */
export function StoryView(p: StoryViewProps) {
  const { story } = p;
  const brief = story.kind === 'brief';
  const text = useTextSettings();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 lg:grid lg:grid-cols-[minmax(0,1fr)_18rem] lg:gap-12 print:block print:max-w-none print:p-0">
      <article
        aria-labelledby="story-title"
        data-text-font={text.settings.font}
        data-text-width={text.settings.width}
        style={articleStyle(text.settings)}
        className="mx-auto w-full max-w-[calc(var(--measure)*1ch)] font-(family-name:--text-font) text-(length:--text-size) sm:max-w-[calc(var(--measure)*1ch+2.5rem)] sm:pl-10 lg:mx-0 lg:justify-self-end print:max-w-none print:p-0 print:text-[12pt]"
      >
        <header className="mb-8 font-sans">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs font-semibold tracking-widest text-ink/75 uppercase dark:text-night-ink/75">
            {story.section && (
              <Link
                to={paths.library.getHref(new URLSearchParams({ section: story.section }))}
                className="hover:underline"
              >
                {story.section}
              </Link>
            )}
            {story.kicker && (
              <span className="text-accent dark:text-accent-dark">{story.kicker}</span>
            )}
            {brief && (
              <span className="rounded bg-black/5 px-1.5 py-px tracking-normal normal-case dark:bg-white/10">
                Brief · excerpt
              </span>
            )}
          </div>
          <h1
            id="story-title"
            className="mt-3 font-(family-name:--text-font) text-3xl leading-tight font-semibold tracking-tight text-balance sm:text-4xl"
          >
            {p.title}
          </h1>
          <p className="hidden text-[10pt] print:mt-2 print:block">
            {p.sourcePath} · {absoluteUrl(paths.story.getHref(story.id))}
          </p>
          {story.titleDerived && story.paragraphs.length > 0 && (
            // The first paragraph repeats the title: say why, so it does not read as a glitch.
            <p className="mt-2 text-sm text-ink/75 italic dark:text-night-ink/75">
              No headline in the file: the title is taken from its first paragraph.
            </p>
          )}
          <p className="mt-3 text-sm text-ink/75 dark:text-night-ink/75 print:hidden">
            {story.readingMinutes} min read · {story.wordCount.toLocaleString()} words
            {story.credits.length > 0 && <> · {story.credits.join(' · ')}</>}
          </p>
          {brief && (
            <p className="mt-2 text-sm text-ink/75 dark:text-night-ink/75">
              A teaser printed with{' '}
              <Link className="underline" to={paths.story.getHref(story.fileId)}>
                {p.sourceTitle ?? 'its source article'}
              </Link>
              .
            </p>
          )}
          <StoryActions storyId={story.id} title={p.title}>
            <TextSettingsMenu
              settings={text.settings}
              onChange={text.update}
              onReset={text.reset}
            />
          </StoryActions>
          {p.toolbar && <div className="mt-4 space-y-2 print:hidden">{p.toolbar}</div>}
        </header>
        {p.fileWarnings.length > 0 && (
          <div
            role="note"
            className="mb-6 rounded-md border border-amber-600/40 bg-amber-50 p-3 font-sans text-sm dark:border-amber-400/30 dark:bg-amber-950/30 print:hidden"
          >
            {p.fileWarnings.join(' ')}
          </div>
        )}
        <StoryText
          paragraphs={story.paragraphs}
          activeParagraph={p.activeParagraph}
          mustShow={p.mustShow}
          onCopyParagraph={p.onCopyParagraph}
          renderText={p.renderText}
          handlers={p.textHandlers}
        />
        {story.truncated && (
          <p className="mt-6 border-t border-black/10 pt-4 font-sans text-sm text-ink/75 italic dark:border-white/15 dark:text-night-ink/75">
            The text stops here: the source file holds only this excerpt.
          </p>
        )}
        <StoryPager prev={p.prev} next={p.next} />
        <div className="print:hidden">{p.overlay}</div>
      </article>
      {/* `contents`: the aside stays the grid's second column. */}
      <div className="contents print:hidden">{p.aside}</div>
    </div>
  );
}

function StoryPager({ prev, next }: { prev: Neighbour | null; next: Neighbour | null }) {
  const cls =
    'block rounded-lg border border-black/10 p-3 hover:bg-black/[0.03] dark:border-white/15 dark:hover:bg-white/[0.05]';
  return (
    <nav
      aria-label="More stories"
      className="mt-12 grid gap-3 font-sans sm:grid-cols-2 print:hidden"
    >
      {prev ? (
        <Link to={prev.href} className={cls} rel="prev">
          <span className="text-xs text-ink/75 dark:text-night-ink/75">
            ← Previous story <kbd className="ml-1 rounded border px-1 text-[0.7rem]">k</kbd>
          </span>
          <span className="mt-1 block font-serif">{prev.title ?? prev.id}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link to={next.href} className={`${cls} text-right`} rel="next">
          <span className="text-xs text-ink/75 dark:text-night-ink/75">
            Next story <kbd className="ml-1 rounded border px-1 text-[0.7rem]">j</kbd> →
          </span>
          <span className="mt-1 block font-serif">{next.title ?? next.id}</span>
        </Link>
      )}
    </nav>
  );
}
