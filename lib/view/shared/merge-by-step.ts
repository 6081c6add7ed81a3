/**
 * A fetch and the pushes racing it can both carry a step; keyed by step (or by `key`, when a step
 * holds several items, as images have samples), the later copy wins, and the result stays sorted by
 * step so the views can draw it in order.
 */
export function mergeByStep<T extends { step: number }>(held: readonly T[] | undefined, incoming: readonly T[], key: (item: T) => number | string = (item) => item.step): T[] {
  const byKey = new Map<number | string, T>();
  for (const item of held ?? []) byKey.set(key(item), item);
  for (const item of incoming) byKey.set(key(item), item);
  return [...byKey.values()].sort((a, b) => a.step - b.step);
}
