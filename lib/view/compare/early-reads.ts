/**
 * The compare page's first reads, started by a script in the server's HTML: the server reads the
 * series while the browser is still loading and starting the page's code, instead of after it. The
 * page's loader then takes each answer by its address. A client-side navigation runs no such
 * script; the loader fetches as it always did.
 */

/** Where the script leaves each address's answer: its bytes, or null when the read failed. */
const GLOBAL = '__tensorlensEarlyReads';

type EarlyReads = Record<string, Promise<ArrayBuffer | null> | undefined>;

/**
 * The script's source. A failed read is left to the loader, which fetches again and reports the
 * server's own message. `<` is escaped so no address can end the script element.
 */
export function earlyReadsScript(urls: readonly string[]): string {
  const list = JSON.stringify(urls).replace(/</g, '\\u003c');
  return `window.${GLOBAL}={};${list}.forEach(function(u){window.${GLOBAL}[u]=fetch(u,{cache:'no-store'}).then(function(r){return r.ok?r.arrayBuffer():null},function(){return null})})`;
}

/** The answer the page's script read for `url`, once; null when it read none, or it failed. */
export function takeEarlyRead(url: string): Promise<ArrayBuffer | null> | null {
  const reads = (globalThis as { [GLOBAL]?: EarlyReads })[GLOBAL];
  const read = reads?.[url];
  if (!reads || !read) return null;
  delete reads[url];
  return read;
}
