import type { EntityType } from '../../corpus/entities/types';
import { MARK_CLASS } from './entity-style';

/**
 * A sample of how a type's names are marked in the text ("Aa" with its tint and its solid, dotted
 * or dashed underline), large enough to tell the types apart: the 12 px squares it replaces showed
 * a dashed edge as one dash. Decorative: the type is always said in words beside it.
 */
export function TypeSwatch({ type, className = '' }: { type: EntityType; className?: string }) {
  return (
    <span
      aria-hidden
      className={`inline-flex h-5 min-w-7 shrink-0 items-center justify-center rounded-[3px] px-1 font-serif text-[0.8rem] leading-none not-italic ${MARK_CLASS[type]} ${className}`}
    >
      Aa
    </span>
  );
}
