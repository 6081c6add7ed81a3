/**
 * The compare page's tag filter: `/pattern/flags` is a regex, anything else a case-insensitive
 * substring. A regex that does not compile comes back as a message for the box, never a throw.
 */
export type TagFilter = { ok: true; matches: (tag: string) => boolean } | { ok: false; error: string };

export function parseTagFilter(text: string): TagFilter {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, matches: () => true };
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(trimmed);
  if (!regex) {
    const needle = trimmed.toLowerCase();
    return { ok: true, matches: (tag) => tag.toLowerCase().includes(needle) };
  }
  try {
    // g and y make test() remember where it stopped, so one tag's answer would depend on the last.
    const pattern = new RegExp(regex[1], regex[2].replace(/[gy]/g, ''));
    return { ok: true, matches: (tag) => pattern.test(tag) };
  } catch (e) {
    return { ok: false, error: `not a regular expression: ${(e as Error).message}` };
  }
}
