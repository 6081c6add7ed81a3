import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import { EMBEDDING_KIND, ProjectionMethod, StoredProjection } from './meta';

/** Layouts are minutes of UMAP on two cores: kept so a restarted server does not redo them. */
export const PROJECTION_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS embedding_projections (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    method TEXT NOT NULL,
    params_key TEXT NOT NULL,
    layout BLOB,
    error TEXT,
    PRIMARY KEY (tag_id, step, method, params_key)
  ) WITHOUT ROWID`,
];

export interface ProjectionKey {
  runId: string;
  tag: string;
  step: number;
  method: ProjectionMethod;
  paramsKey: string;
}

export class ProjectionTable {
  private readonly select;
  private readonly upsert;

  constructor(db: Db, private readonly tags: TagTable) {
    this.select = db.prepare(`SELECT layout, error FROM embedding_projections WHERE tag_id = ? AND step = ? AND method = ? AND params_key = ?`);
    this.upsert = db.prepare(`INSERT OR REPLACE INTO embedding_projections VALUES (?, ?, ?, ?, ?, ?)`);
  }

  read(key: ProjectionKey): StoredProjection | null {
    const tagRow = this.tags.get(key.runId, EMBEDDING_KIND, key.tag);
    if (!tagRow) return null;
    const row = this.select.get(tagRow.id, key.step, key.method, key.paramsKey) as { layout: Buffer | null; error: string | null } | undefined;
    if (!row) return null;
    if (row.layout === null) return { status: 'failed', error: row.error ?? 'failed' };
    const layout = new Float32Array(row.layout.byteLength >> 2);
    new Uint8Array(layout.buffer).set(row.layout);
    return { status: 'ready', layout };
  }

  write(key: ProjectionKey, result: StoredProjection): void {
    const tagId = this.tags.idFor(key.runId, EMBEDDING_KIND, key.tag);
    const layout = result.status === 'ready' ? Buffer.from(result.layout.buffer, result.layout.byteOffset, result.layout.byteLength) : null;
    this.upsert.run(tagId, key.step, key.method, key.paramsKey, layout, result.status === 'failed' ? result.error : null);
  }
}
