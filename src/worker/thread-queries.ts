import type { Thread } from '../corpus/threads/build-threads';
import { timeline } from '../corpus/threads/timeline';
import type { CorpusEngine } from './corpus-engine';
import { summary } from './engine-queries';
import type { ThreadPageData, ThreadStory, ThreadSummary } from './protocol';

/** Names shown with a thread. */
const THREAD_NAMES = 5;

/** The thread a story is in, or null. */
export function threadOf(engine: CorpusEngine, storyId: string): ThreadSummary | null {
  const t = engine.threads;
  const i = t?.threadOf[storyId];
  return t && i !== undefined ? threadSummary(engine, t.threads[i]!) : null;
}

/** Every thread, largest first (then folder order). */
export function threadList(engine: CorpusEngine): ThreadSummary[] {
  return (engine.threads?.threads ?? [])
    .map((t) => threadSummary(engine, t))
    .sort((a, b) => b.size - a.size);
}

/** A thread's page: its stories, names and merged timeline. */
export function threadPage(engine: CorpusEngine, id: string): ThreadPageData | null {
  const t = engine.threads?.threads.find((x) => x.id === id);
  if (!t) return null;
  const stories = t.storyIds.map((sid) => engine.stories.get(sid)).filter((s) => s !== undefined);
  return { ...threadSummary(engine, t), timeline: timeline(stories) };
}

function threadSummary(engine: CorpusEngine, t: Thread): ThreadSummary {
  const firstOfGroup = new Map<number, string>();
  const stories: ThreadStory[] = t.storyIds.map((storyId) => {
    const s = engine.stories.get(storyId);
    const g = engine.related?.copyGroup(storyId) ?? -1;
    const copyOf = g >= 0 ? (firstOfGroup.get(g) ?? null) : null;
    if (g >= 0 && !firstOfGroup.has(g)) firstOfGroup.set(g, storyId);
    return {
      storyId,
      title: s?.title ?? storyId,
      kind: s?.kind ?? 'main',
      section: s?.section ?? null,
      lede: s?.paragraphs[0] ?? '',
      copyOf,
    };
  });
  return {
    id: t.id,
    title: engine.stories.get(t.central)?.title ?? t.id,
    size: stories.filter((s) => !s.copyOf).length,
    stories,
    entities: t.entities.slice(0, THREAD_NAMES).map((id) => summary(engine, engine.canonical(id))),
  };
}
