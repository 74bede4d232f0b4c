import type { EntityType } from '../../corpus/entities/types';
import { KeysHint } from '../../components/ui/keys-hint';
import { ENTITY_TYPES, TYPE_LABEL } from './entity-style';
import { TypeSwatch } from './type-swatch';
import { NAMES_KEYS_HINT_ID } from './use-entity-layer';

/** Per-type counts for the story, each a toggle that shows or hides that type's highlights. */
export function EntityLegend(p: {
  counts: Record<EntityType, number>;
  visible: Record<EntityType, boolean>;
  onToggle: (t: EntityType) => void;
  pending: boolean;
}) {
  return (
    <div
      role="group"
      aria-label="Highlighted names"
      className="flex flex-wrap items-center gap-2 font-sans text-sm"
    >
      {ENTITY_TYPES.map((t) => (
        <button
          key={t}
          type="button"
          aria-pressed={p.visible[t]}
          onClick={() => p.onToggle(t)}
          className={`flex items-center gap-2 rounded-full border py-1 pr-3 pl-1.5 ${
            p.visible[t]
              ? 'border-black/20 dark:border-white/25'
              : 'border-dashed border-black/20 opacity-70 dark:border-white/25'
          }`}
        >
          <TypeSwatch type={t} />
          {TYPE_LABEL[t].many}
          <span className="tabular-nums text-ink/75 dark:text-night-ink/75">{p.counts[t]}</span>
        </button>
      ))}
      {p.pending && (
        <span className="text-xs text-ink/75 dark:text-night-ink/75">Finding names…</span>
      )}
      <KeysHint id={NAMES_KEYS_HINT_ID} stop="names">
        Names: arrow keys or [ and ] move between them, Enter opens one, Tab leaves them.
      </KeysHint>
    </div>
  );
}
