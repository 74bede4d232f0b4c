/** Entity recognition results: plain data, safe for structuredClone (worker messages, IndexedDB). */
export type EntityType = 'person' | 'place' | 'organization';

/** One occurrence of a name in a story. */
export interface Mention {
  /** 0-based index into `story.paragraphs`. */
  paragraph: number;
  /** UTF-16 offsets within that paragraph's text (end exclusive). */
  start: number;
  end: number;
  type: EntityType;
  /** Canonical id, `${type}/${slug}`: 'person/vladimir-putin', 'place/north-korea'. */
  entityId: string;
  /** Exactly `paragraph.slice(start, end)`. */
  text: string;
}

/** Everything recognized in one story: mentions sorted by (paragraph, start), never overlapping. */
export interface StoryEntities {
  storyId: string;
  mentions: Mention[];
}

/** One person, place or organization of the corpus. */
export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  /** Other surfaces seen: short forms, acronyms, names in Chinese characters. */
  aliases: string[];
  /** Stories that mention it, most mentions first. */
  stories: { storyId: string; count: number }[];
  mentionCount: number;
}
