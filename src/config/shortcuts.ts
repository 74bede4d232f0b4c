/**
 * Every keyboard shortcut, by the page it works on: the `?` overlay shows the lists of the page
 * you are on, and README's table says the same. Keys are never taken while you type in a field.
 */
export type ShortcutPage = 'library' | 'story' | 'notebook' | 'entity' | 'search' | 'other';

export interface Shortcut {
  keys: string[];
  does: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

const EVERYWHERE: ShortcutGroup = {
  title: 'Anywhere',
  shortcuts: [
    { keys: ['/', 'Ctrl K'], does: 'Search stories, people, places' },
    { keys: ['?'], does: 'Show these shortcuts' },
    { keys: ['Tab'], does: 'First stop: skip to content' },
  ],
};

const BY_PAGE: Record<ShortcutPage, ShortcutGroup[]> = {
  library: [
    {
      title: 'Library',
      shortcuts: [
        { keys: ['↓', 'j'], does: 'Next story' },
        { keys: ['↑', 'k'], does: 'Previous story' },
        { keys: ['Home', 'End'], does: 'First / last story' },
        { keys: ['Enter'], does: 'Open the story' },
      ],
    },
  ],
  story: [
    {
      title: 'Reading',
      shortcuts: [
        { keys: ['j', 'k'], does: 'Next / previous article, in the library’s filter' },
        { keys: ['J', 'K'], does: 'Next / previous story, briefs included' },
        { keys: ['n', 'N'], does: 'Next / previous search hit (opened with a search)' },
        { keys: ['m'], does: 'Mark as read / unread' },
        { keys: ['Enter'], does: 'On a highlighted name: open its card' },
        {
          keys: ['[', ']'],
          does: 'To a highlighted name on screen; on a name, the previous / next',
        },
        { keys: ['←', '→'], does: 'On a name: previous / next name (the names are one Tab stop)' },
        { keys: ['↑', '↓'], does: 'On a ¶ link: previous / next paragraph link' },
      ],
    },
    {
      title: 'In this story (the names list)',
      shortcuts: [
        { keys: ['←', '→', '↑', '↓'], does: 'Previous / next name (the list is one Tab stop)' },
        { keys: ['Home', 'End'], does: 'First / last name' },
        { keys: ['Enter'], does: 'Open the name’s card at its first mention' },
      ],
    },
    {
      title: 'Highlights and notes',
      shortcuts: [
        { keys: ['Shift ←', 'Shift →'], does: 'Select text (Ctrl/Alt: by word)' },
        { keys: ['Shift ↑', 'Shift ↓'], does: 'Select by line' },
        { keys: ['h'], does: 'Highlight the selection (last colour)' },
        { keys: ['1', '2', '3', '4'], does: 'Highlight yellow, green, blue, pink' },
        { keys: ['a'], does: 'Highlight and add a note' },
        { keys: ['c'], does: 'Copy the selection as a quote with its link' },
        { keys: ['Esc'], does: 'Drop the selection; close a highlight' },
        { keys: ['Ctrl Enter'], does: 'In a note: done' },
      ],
    },
  ],
  notebook: [
    {
      title: 'Notebook',
      shortcuts: [{ keys: ['Tab'], does: 'Filters, then each highlight’s link back to its story' }],
    },
  ],
  entity: [],
  search: [
    {
      title: 'Search',
      shortcuts: [
        { keys: ['↑', '↓'], does: 'Move between results (in the palette)' },
        { keys: ['Enter'], does: 'Open; Ctrl Enter: in a new tab' },
        { keys: ['Esc'], does: 'Close the palette' },
      ],
    },
  ],
  other: [],
};

export function shortcutsFor(page: ShortcutPage): ShortcutGroup[] {
  return [...BY_PAGE[page], EVERYWHERE];
}

/** Which page an app path is (for the overlay). */
export function shortcutPage(pathname: string): ShortcutPage {
  if (pathname === '/' || pathname === '') return 'library';
  if (pathname.startsWith('/story/')) return 'story';
  if (pathname.startsWith('/notebook')) return 'notebook';
  if (pathname.startsWith('/entity/')) return 'entity';
  if (pathname.startsWith('/search')) return 'search';
  return 'other';
}
