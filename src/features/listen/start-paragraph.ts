/**
 * Where Listen starts (0-based; 0 is from the top, title first): the paragraph the URL names
 * (`#p5`), else the first paragraph on screen, so a reader who has scrolled (or was brought back
 * to where they stopped) hears what they are looking at, not the story again from the top.
 */
export function paragraphToStartAt(linked: number | null): number {
  if (linked) return linked - 1;
  const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
  const title = document.getElementById('story-title')?.getBoundingClientRect();
  if (!title || title.bottom > header) return 0;
  // In order, so the first one whose end is below the header is the first one seen.
  for (const el of document.querySelectorAll<HTMLElement>('[data-story-text] [data-paragraph]')) {
    if (el.getBoundingClientRect().bottom > header) return Number(el.dataset.paragraph) - 1;
  }
  return 0;
}
