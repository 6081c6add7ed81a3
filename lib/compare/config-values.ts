/**
 * Run configs as the compare view reads them: nested JSON objects addressed by dotted paths
 * (`optimizer.learning_rate`), the way the run filter, the config table and grouping name a key.
 *
 * - Nested objects flatten into their leaves; arrays are leaves (`layers: [64, 32]` is one value),
 *   and so is an empty object, so that it still shows.
 * - Past MAX_DEPTH levels a subtree is one leaf: a config is user input and must not exhaust the
 *   stack.
 * - Equality is by canonical JSON (object keys sorted), so the number 1 and the string "1" differ
 *   while `{a, b}` and `{b, a}` do not.
 */
export type Config = Readonly<Record<string, unknown>>;

const MAX_DEPTH = 16;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function flattenConfig(config: Config): Map<string, unknown> {
  const leaves = new Map<string, unknown>();
  const visit = (value: unknown, path: string, depth: number): void => {
    if (isPlainObject(value) && Object.keys(value).length > 0 && depth < MAX_DEPTH) {
      for (const [key, child] of Object.entries(value)) visit(child, path === '' ? key : `${path}.${key}`, depth + 1);
    } else {
      leaves.set(path, value);
    }
  };
  for (const [key, value] of Object.entries(config)) visit(value, key, 1);
  return leaves;
}

/**
 * The value at a dotted path, or undefined when the config has none. A key that itself holds a dot
 * is matched whole before the path is split at it.
 */
export function configValue(config: Config, path: string): unknown {
  let node: Readonly<Record<string, unknown>> = config;
  let rest = path;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (Object.hasOwn(node, rest)) return node[rest];
    const key = Object.keys(node).find((k) => rest.startsWith(`${k}.`) && isPlainObject(node[k]));
    if (key === undefined) return undefined;
    node = node[key] as Record<string, unknown>;
    rest = rest.slice(key.length + 1);
  }
  return undefined;
}

const sortKeys = (_key: string, value: unknown): unknown =>
  isPlainObject(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value;

/** One string per distinct value, for equality and grouping; a missing value has its own. */
export function canonicalConfigValue(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, sortKeys);
}

/** How a value reads in a table cell or a group label: strings bare, everything else as JSON. */
export function formatConfigValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return canonicalConfigValue(value);
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Dotted paths in reading order: segment by segment, numbers by value, so `layer2` comes before
 * `layer10` and `optimizer.*` stays together ahead of `optimizer_name`.
 */
export function compareConfigPaths(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const order = collator.compare(as[i], bs[i]);
    if (order !== 0) return order;
  }
  return as.length - bs.length;
}
