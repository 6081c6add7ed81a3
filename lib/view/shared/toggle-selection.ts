/** A selection with one id added or removed, as a new set (React state is replaced, never changed). */
export function toggleSelection(held: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(held);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}
