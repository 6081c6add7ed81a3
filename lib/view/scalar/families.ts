import { chartFamily } from '../../kinds/scalar/meta';

export interface Family {
  family: string;
  tags: string[];
}

/** What a Keras user reads first goes first; the rest keeps a stable alphabetical order. */
const LEADING = ['loss', 'acc', 'accuracy'];

function familyRank(family: string): [number, string] {
  const i = LEADING.indexOf(family);
  return [i === -1 ? LEADING.length : i, family];
}

/** Batch before epoch (thin line under markers), training before validation. */
function tagRank(tag: string): [number, number, string] {
  const prefix = tag.slice(0, tag.lastIndexOf('/') + 1);
  const leaf = tag.slice(prefix.length);
  return [prefix === 'batch/' ? 0 : prefix === 'epoch/' ? 1 : 2, leaf.startsWith('val_') ? 1 : 0, tag];
}

function compare<T extends (number | string)[]>(a: T, b: T): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

/** One chart per family: `batch/loss`, `epoch/loss` and `epoch/val_loss` share the loss chart. */
export function groupFamilies(tags: readonly string[]): Family[] {
  const byFamily = new Map<string, string[]>();
  for (const tag of tags) {
    const family = chartFamily(tag);
    let list = byFamily.get(family);
    if (!list) byFamily.set(family, (list = []));
    list.push(tag);
  }
  return [...byFamily]
    .map(([family, list]) => ({ family, tags: list.sort((a, b) => compare(tagRank(a), tagRank(b))) }))
    .sort((a, b) => compare(familyRank(a.family), familyRank(b.family)));
}
