import { foldText } from '../normalize';
import type { EntityType } from './types';

/** `${type}/${slug}`: folded, words joined by hyphens; CJK characters are kept as they are. */
export function entityId(type: EntityType, surface: string): string {
  const slug = foldText(surface)
    .replace(/['’]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return `${type}/${slug}`;
}

/** The type part of an entity id. */
export function typeOfId(id: string): EntityType {
  return id.slice(0, id.indexOf('/')) as EntityType;
}
