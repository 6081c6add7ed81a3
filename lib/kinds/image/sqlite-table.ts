import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import { IMAGE_KIND, type ImageContentType, type ImageInfo, type ImageTagInfo } from './meta';

/** Images are blobs beside their step: TensorBoard's "blob sequence" storage class. */
export const IMAGE_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS images (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    sample INTEGER NOT NULL,
    wall_time REAL NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (tag_id, step, sample)
  ) WITHOUT ROWID`,
];

export interface StoredImage extends ImageInfo {
  data: Buffer;
}

interface InfoRow {
  step: number;
  sample: number;
  wall_time: number;
  width: number;
  height: number;
  content_type: ImageContentType;
}

export class ImageTable {
  private readonly insert;
  /** Call inside a transaction, before the run's tags go: these rows have no foreign key to cascade from. */
  readonly deleteRun: (runId: string) => void;
  private readonly replace;
  private readonly selectInfo;
  private readonly selectData;

  constructor(db: Db, private readonly tags: TagTable) {
    this.deleteRun = tags.runRowsDeleter('images', IMAGE_KIND);
    this.insert = db.prepare(`INSERT OR IGNORE INTO images VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.replace = db.prepare(`UPDATE images SET wall_time = ?, width = ?, height = ?, content_type = ?, data = ? WHERE tag_id = ? AND step = ? AND sample = ?`);
    this.selectInfo = db.prepare(`SELECT step, sample, wall_time, width, height, content_type FROM images WHERE tag_id = ? ORDER BY step, sample`);
    this.selectData = db.prepare(`SELECT content_type, data FROM images WHERE tag_id = ? AND step = ? AND sample = ?`);
  }

  /** Call inside a transaction. A step's sample logged again takes the image written last. Returns how many were new. */
  write(runId: string, images: readonly (StoredImage & { tag: string })[]): number {
    let added = 0;
    for (const i of images) {
      const tagId = this.tags.idFor(runId, IMAGE_KIND, i.tag);
      const fields = [i.wallTime, i.width, i.height, i.contentType, i.data] as const;
      const fresh = this.insert.run(tagId, i.step, i.sample, ...fields).changes;
      if (fresh === 0) this.replace.run(...fields, tagId, i.step, i.sample);
      added += fresh;
      this.tags.noteWritten(tagId, fresh, i.step, i.step, i.wallTime, NaN);
    }
    return added;
  }

  listTags(runId: string): ImageTagInfo[] {
    return this.tags.stepRanges(runId, IMAGE_KIND);
  }

  /** The images of one tag without their bytes, in step then sample order; null for an unknown tag. */
  list(runId: string, tag: string): ImageInfo[] | null {
    const row = this.tags.get(runId, IMAGE_KIND, tag);
    if (!row) return null;
    return (this.selectInfo.all(row.id) as InfoRow[]).map((r) => ({
      step: r.step,
      sample: r.sample,
      wallTime: r.wall_time,
      width: r.width,
      height: r.height,
      contentType: r.content_type,
    }));
  }

  data(runId: string, tag: string, step: number, sample: number): { contentType: ImageContentType; data: Buffer } | null {
    const row = this.tags.get(runId, IMAGE_KIND, tag);
    const found = row && (this.selectData.get(row.id, step, sample) as { content_type: ImageContentType; data: Buffer } | undefined);
    return found ? { contentType: found.content_type, data: found.data } : null;
  }
}
