/** No zod here: the browser imports this file. */

/** A tag holds letters, digits, "_", ".", "-", "/" and spaces: it is a path in URLs and a label on charts. */
export const TAG_PATTERN = /^[\w.\-/ ]+$/;

export const MAX_TAG_LENGTH = 200;

/**
 * A tag is served at `/api/runs/{id}/<kind>/{tag}`, its "/" separating URL segments, so every
 * segment must survive the URL: an empty one ("/a", "a/", "a//b") or a "." or ".." would be
 * collapsed by the URL and name another tag, or none.
 */
export function isAddressableTag(tag: string): boolean {
  return tag.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * Layer and weight names as tags: tfjs allows characters tags may not hold. The trainer writes tags
 * with it and the graph view finds a layer's histograms with it, so the two always agree.
 */
export function tagSafe(name: string): string {
  return name.replace(/[^\w.\-/ ]/g, '_');
}
