/** Tags hold '/', which the API keeps as path separators, so each segment is encoded on its own. */
export function tagPath(tag: string): string {
  return tag.split('/').map(encodeURIComponent).join('/');
}
