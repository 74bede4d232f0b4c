import type { ThreadStory } from '../../worker/protocol';

/** "business", "business · brief", "brief", or nothing for a top-level main story. */
export function storyLabel(s: Pick<ThreadStory, 'section' | 'kind'>): string {
  return [s.section, s.kind === 'brief' ? 'brief' : ''].filter(Boolean).join(' · ');
}
