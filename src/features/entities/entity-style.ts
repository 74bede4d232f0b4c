import type { EntityType } from '../../corpus/entities/types';

export const ENTITY_TYPES: EntityType[] = ['person', 'place', 'organization'];

export const TYPE_LABEL: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'person', many: 'People' },
  place: { one: 'place', many: 'Places' },
  organization: { one: 'organization', many: 'Organizations' },
};

/**
 * Mention colours: pale tints under body text in light mode, deep tints under light text in dark
 * mode (both well above WCAG AA 4.5:1 for the text), plus a different underline style per type so
 * the types differ without relying on colour alone.
 */
export const MARK_CLASS: Record<EntityType, string> = {
  person:
    'bg-rose-100 text-ink border-b-2 border-rose-700 dark:bg-rose-950 dark:text-rose-50 dark:border-rose-300',
  place:
    'bg-emerald-100 text-ink border-b-2 border-dotted border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50 dark:border-emerald-300',
  organization:
    'bg-sky-100 text-ink border-b-2 border-dashed border-sky-800 dark:bg-sky-950 dark:text-sky-50 dark:border-sky-300',
};
