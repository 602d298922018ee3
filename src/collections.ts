/** Items grouped by key, in first-seen order of the keys and input order within a group. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    // push, not a fresh copy per item: copying made building a group quadratic in its size
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
