/**
 * A fetch and the pushes racing it can both carry a step; keyed by step, the later copy wins,
 * and the result stays sorted so the views can draw it in order.
 */
export function mergeByStep<T extends { step: number }>(held: readonly T[] | undefined, incoming: readonly T[]): T[] {
  const byStep = new Map<number, T>();
  for (const item of held ?? []) byStep.set(item.step, item);
  for (const item of incoming) byStep.set(item.step, item);
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}
