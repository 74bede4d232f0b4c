/** True when a key press belongs to a text field (or a modifier chord) and must not be stolen. */
export function isTypingTarget(e: KeyboardEvent): boolean {
  if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return (
    t.isContentEditable ||
    /^(INPUT|TEXTAREA|SELECT)$/u.test(t.tagName) ||
    t.getAttribute('role') === 'combobox'
  );
}
