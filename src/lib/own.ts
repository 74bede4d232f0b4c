/**
 * `record[key]` when the record itself holds the key, else undefined. The archive's groups are
 * JSON objects keyed by ids that come from the URL: `/entity/constructor` must not find
 * Object.prototype's constructor and render a function as an entity.
 */
export function own<T>(
  record: Readonly<Record<string, T>> | undefined,
  key: string,
): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
