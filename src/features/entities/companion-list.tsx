import type { EntityType } from '../../corpus/entities/types';
import { paths } from '../../config/paths';
import { Link } from '../../lib/router';
import { TYPE_LABEL } from './entity-style';
import { TypeSwatch } from './type-swatch';

/** One name of "Often mentioned with": how many stories name it with the page's entity. */
export interface Companion {
  id: string;
  name: string;
  type: EntityType;
  stories: number;
}

/** "Often mentioned with": the whole folder's entity page and an archive's show the same list. */
export function CompanionList({ items }: { items: readonly Companion[] }) {
  if (items.length === 0)
    return <p className="mt-3 text-sm text-ink/75 dark:text-night-ink/75">Nobody else yet.</p>;
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {items.map((e) => (
        <li key={e.id} className="flex items-center gap-2">
          {/* The type's mark sample, as in the card and the legend: a 10 px square showed the
              dotted and dashed underlines of places and organizations as the same two dots. */}
          <TypeSwatch type={e.type} />
          <Link className="min-w-0 flex-1 truncate hover:underline" to={paths.entity.getHref(e.id)}>
            {e.name}
            <span className="sr-only">, {TYPE_LABEL[e.type].one}</span>
          </Link>
          <span className="text-xs text-ink/75 tabular-nums dark:text-night-ink/75">
            {e.stories} {e.stories === 1 ? 'story' : 'stories'}
          </span>
        </li>
      ))}
    </ul>
  );
}
