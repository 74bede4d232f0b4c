import { foldText } from '../normalize.ts';
import type { EntityType } from './types';

/** `${type}/${slug}`: folded, words joined by hyphens; CJK characters are kept as they are. */
export function entityId(type: EntityType, surface: string): string {
  const slug = foldText(surface)
    .replace(/['’]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `${type}/${slug}`;
}

const TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

/** The type part of an entity id. */
export function typeOfId(id: string): EntityType {
  const type = id.slice(0, id.indexOf('/'));
  // The shared literal rather than a fresh copy per entity (~12,000 of them on BBC).
  return (TYPES.find((t) => t === type) ?? type) as EntityType;
}
