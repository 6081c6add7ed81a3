/** The row of `query` among the words: an exact match first, else the first that matches ignoring case. */
export function findWord(words: readonly string[], query: string): number | null {
  const wanted = query.trim();
  if (!wanted) return null;
  const exact = words.indexOf(wanted);
  if (exact >= 0) return exact;
  const lower = wanted.toLowerCase();
  const loose = words.findIndex((w) => w.toLowerCase() === lower);
  return loose >= 0 ? loose : null;
}
