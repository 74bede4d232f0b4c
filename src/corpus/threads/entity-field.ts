/**
 * The entity field of the event similarity: every canonical entity a story mentions, weighted by
 * its mentions and its rarity over the folder, (1 + ln mentions) · ln((N + 1) / (df + 0.5)), the
 * TF-IDF over entities of Miranda et al. (2018).
 *
 * The related index keeps only a story's 16 rarest entities (`maxEntities`, weighted idf²): right
 * for a related list's speed and for "who else mentions this obscure name", wrong for events. A
 * long story names dozens of people; its 16 rarest are its walk-on parts, and the names it is
 * about (the winner it reports, the minister it profiles) fall out, so two stories of one event
 * can share no entity at all in the index (a Brit Awards results story and the winner's
 * follow-up did).
 */
export interface EntityField {
  /** Row d: `feature[start[d] .. start[d + 1])`, local entity ids, with raw (unnormalised) weights. */
  start: Uint32Array;
  feature: Uint32Array;
  weight: Float64Array;
  /** Local entity ids are below this. */
  count: number;
  /** The canonical entity id of each local id. */
  ids: string[];
  /** Per row, the squared weight of the entities no other story mentions: they link nothing,
   * so they get no id, but they are part of what the story is about (its vector's length). */
  aloneNorm2: Float64Array;
}

/** `mentions` maps a story id to its canonical entity ids, one entry per mention. */
export function entityField(
  storyIds: readonly string[],
  mentions: ReadonlyMap<string, readonly string[]>,
): EntityField {
  const n = storyIds.length;
  const df = new Map<string, number>();
  const counts: Map<string, number>[] = storyIds.map((id) => {
    const c = new Map<string, number>();
    for (const e of mentions.get(id) ?? []) c.set(e, (c.get(e) ?? 0) + 1);
    for (const e of c.keys()) df.set(e, (df.get(e) ?? 0) + 1);
    return c;
  });
  const local = new Map<string, number>();
  const ids: string[] = [];
  for (const [e, k] of df) {
    if (k < 2) continue;
    local.set(e, local.size);
    ids.push(e);
  }
  const start = new Uint32Array(n + 1);
  const feature: number[] = [];
  const weight: number[] = [];
  const aloneNorm2 = new Float64Array(n);
  for (let d = 0; d < n; d++) {
    for (const [e, c] of counts[d]!) {
      const w = (1 + Math.log(c)) * Math.log((n + 1) / (df.get(e)! + 0.5));
      const f = local.get(e);
      if (f === undefined) {
        aloneNorm2[d]! += w * w;
        continue;
      }
      feature.push(f);
      weight.push(w);
    }
    start[d + 1] = feature.length;
  }
  return {
    start,
    feature: Uint32Array.from(feature),
    weight: Float64Array.from(weight),
    count: local.size,
    ids,
    aloneNorm2,
  };
}
