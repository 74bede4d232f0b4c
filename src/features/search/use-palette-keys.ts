import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ResultItem } from './result-model';

const PAGE = 5;

/**
 * The combobox keyboard model: the active option follows ↑/↓ (wrapping), Home/End and
 * PageUp/PageDown; Enter opens it (Ctrl/Cmd+Enter in a new tab); Esc closes. When the text
 * changes, the best result (the first) becomes active; an option the user chose stays active while
 * it is still listed. Nothing happens while an IME composes.
 *
 * Enter pressed before the answer for the text typed has arrived (`ready` false) is for that
 * text, not for the earlier query's results still shown: `onEarlyEnter` is called instead,
 * unless the user picked one of the options shown (↑/↓ or the mouse), which Enter then opens.
 */
export function usePaletteKeys(p: {
  items: ResultItem[];
  /** The typed text: a new value makes the first item active. */
  resetKey: string;
  /** True when `items` answer the text typed. */
  ready: boolean;
  optionId: (key: string) => string;
  onChoose: (item: ResultItem, newTab: boolean) => void;
  onEarlyEnter: (newTab: boolean) => void;
  onClose: () => void;
}) {
  const [state, setState] = useState<{ reset: string; key: string | null }>({
    reset: p.resetKey,
    key: null,
  });
  const valid = state.reset === p.resetKey && p.items.some((i) => i.key === state.key);
  /** An option the user chose for the text typed, as opposed to the default first one. */
  const picked = valid && state.key !== null;
  const activeKey = valid ? state.key : (p.items[0]?.key ?? null);
  const activeIndex = p.items.findIndex((i) => i.key === activeKey);
  const setActive = (key: string) => setState({ reset: p.resetKey, key });

  const { optionId } = p;
  useEffect(() => {
    if (activeKey)
      document.getElementById(optionId(activeKey))?.scrollIntoView({ block: 'nearest' });
  }, [activeKey, optionId]);

  const move = (to: number) => {
    const n = p.items.length;
    if (!n) return;
    const item = p.items[((to % n) + n) % n];
    if (item) setActive(item.key);
  };
  const clamp = (to: number) => move(Math.max(0, Math.min(p.items.length - 1, to)));

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229) return;
    const has = p.items.length > 0;
    switch (e.key) {
      case 'ArrowDown':
        if (!has) return;
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        if (!has) return;
        move(activeIndex - 1);
        break;
      case 'Home':
        if (!has) return;
        clamp(0);
        break;
      case 'End':
        if (!has) return;
        clamp(p.items.length - 1);
        break;
      case 'PageDown':
        if (!has) return;
        clamp(activeIndex + PAGE);
        break;
      case 'PageUp':
        if (!has) return;
        clamp(activeIndex - PAGE);
        break;
      case 'Enter': {
        const newTab = e.ctrlKey || e.metaKey;
        if (!p.ready && !picked) {
          p.onEarlyEnter(newTab);
          break;
        }
        const item = p.items[activeIndex];
        if (!item) return;
        p.onChoose(item, newTab);
        break;
      }
      case 'Escape':
        p.onClose();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return { activeKey, setActive, onKeyDown };
}
