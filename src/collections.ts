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

/**
 * `read` remembered per key, up to `bound` keys (then forgotten all at once): for pure readings asked of the same
 * few texts again and again (cells, header names, lines of a dump).
 */
export function remembered<T>(read: (key: string) => T, bound: number): (key: string) => T {
  const memo = new Map<string, T>();
  return (key) => {
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as T;
    const value = read(key);
    if (memo.size >= bound) memo.clear();
    memo.set(key, value);
    return value;
  };
}
