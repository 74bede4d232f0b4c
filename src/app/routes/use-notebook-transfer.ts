import { toMarkdown } from '../../corpus/notebook/markdown';
import { fromJsonLd, toJsonLd } from '../../corpus/notebook/json-ld';
import { groupByStory } from '../../corpus/notebook/notebook-view';
import { absoluteUrl, paths } from '../../config/paths';
import { notebook, reading } from '../../data/notebook/notebook';
import { randomUrn, type NotebookSnapshot } from '../../data/notebook/notebook-store';
import { useReading } from '../../data/notebook/use-notebook';
import type { NotebookItem } from '../../features/notebook/notebook-types';
import { downloadText } from '../../lib/download';

/** Export (from memory: it works when storage does not) and import of the notebook. */
export function useNotebookTransfer(
  nb: NotebookSnapshot,
  items: NotebookItem[],
  titleOf: (storyId: string) => string,
) {
  const readingCount = useReading().size;
  const day = () => new Date().toISOString().slice(0, 10);
  const folder = import.meta.env.BASE_URL === '/' ? '' : ` (${import.meta.env.BASE_URL})`;
  return {
    /** Stories with reading state: the JSON export carries them even without highlights. */
    readingCount,
    onExportMarkdown: () => {
      const stories = groupByStory(items, titleOf).map((g) => ({
        storyId: g.storyId,
        title: g.title,
        url: absoluteUrl(paths.story.getHref(g.storyId)),
        items: g.items.map((i) => ({
          annotation: i.annotation,
          anchor: i.anchor ?? { status: 'orphan' as const, reason: 'story-missing' as const },
        })),
      }));
      const byId = new Map(items.map((i) => [i.annotation.id, i]));
      const md = toMarkdown(stories, {
        title: `Dispatch notebook${folder}`,
        exported: new Date().toISOString(),
        quoteUrl: ({ annotation: a }) => {
          const paragraph = byId.get(a.id)?.paragraph;
          return paragraph ? absoluteUrl(paths.story.getHref(a.storyId, { paragraph })) : null;
        },
      });
      downloadText(`dispatch-notebook-${day()}.md`, md, 'text/markdown');
    },
    onExportJson: () => {
      const doc = toJsonLd(nb.annotations, {
        storyUrl: (id) => absoluteUrl(paths.story.getHref(id)),
        label: `Dispatch notebook${folder}`,
        exported: new Date().toISOString(),
        reading: [...reading.getSnapshot().values()],
      });
      downloadText(
        `dispatch-notebook-${day()}.jsonld`,
        `${JSON.stringify(doc, null, 2)}\n`,
        'application/ld+json',
      );
    },
    onImport: async (file: File): Promise<string> => {
      let parsed;
      try {
        parsed = fromJsonLd(JSON.parse(await file.text()), {
          makeId: randomUrn,
          now: new Date().toISOString(),
        });
      } catch (e) {
        return `Nothing imported: ${file.name} is not a notebook export (${(e as Error).message})`;
      }
      const plan = await notebook.importAnnotations(parsed.annotations);
      const read = await reading.importRecords(parsed.reading);
      const readNote = parsed.reading.length
        ? ` Reading state: ${read} of ${parsed.reading.length} ${parsed.reading.length === 1 ? 'story' : 'stories'} taken (newer here kept).`
        : '';
      const skipped = parsed.skipped.length
        ? ` ${parsed.skipped.length} could not be read (first: item ${parsed.skipped[0]!.item}, ${parsed.skipped[0]!.reason}).`
        : '';
      return `Imported ${file.name}: ${plan.added} new, ${plan.updated} updated, ${plan.unchanged} already here.${skipped}${readNote}`;
    },
  };
}
