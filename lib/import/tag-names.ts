/**
 * TensorBoard tags may hold any character; Tensorlens tags are paths in URLs and labels on charts,
 * so a tag the store refuses is shown under a safe name: every other character becomes `_`, cut to
 * the longest tag, and `_2`, `_3`… when that name is already another tag's. The renames are kept
 * with the run (its source), so a later import or a restart names every tag the same way.
 */
import { MAX_TAG_LENGTH, tagSafe } from '../protocol/tag';
import { tagSchema } from '../protocol/tag-schema';

export interface RenamedTag {
  tag: string;
  shownAs: string;
}

function safeForm(tag: string): string {
  const safe = tagSafe(tag).slice(0, MAX_TAG_LENGTH);
  return tagSchema.safeParse(safe).success ? safe : '_';
}

export class TagNames {
  private readonly renamed = new Map<string, string>();
  /** Names handed out, with the tag each stands for. */
  private readonly owners = new Map<string, string>();
  private readonly added: RenamedTag[] = [];

  constructor(renamed: readonly RenamedTag[] = []) {
    for (const r of renamed) this.keep(r.tag, r.shownAs);
  }

  /** The name `tag` is stored under. */
  shown(tag: string): string {
    const known = this.renamed.get(tag);
    if (known !== undefined) return known;
    const owner = this.owners.get(tag);
    if (owner === tag || (owner === undefined && tagSchema.safeParse(tag).success)) {
      this.owners.set(tag, tag);
      return tag;
    }
    const base = safeForm(tag);
    let name = base;
    for (let i = 2; this.owners.has(name); i++) name = `${base.slice(0, MAX_TAG_LENGTH - String(i).length - 1)}_${i}`;
    this.keep(tag, name);
    this.added.push({ tag, shownAs: name });
    return name;
  }

  hasAdded(): boolean {
    return this.added.length > 0;
  }

  /** Renames made since the last call, to be saved with the run. */
  takeAdded(): RenamedTag[] {
    return this.added.splice(0);
  }

  private keep(tag: string, shownAs: string): void {
    this.renamed.set(tag, shownAs);
    this.owners.set(shownAs, tag);
  }
}
