import type { Db } from '../../storage/sqlite/open-database';
import type { TagTable } from '../../storage/sqlite/tag-table';
import { DataConflict } from '../../storage/data-conflict';
import { EMBEDDING_KIND, EmbeddingChunk, EmbeddingMatrix, EmbeddingSnapshotInfo } from './meta';
import { ChunkEncoding, decodeChunk, encodeChunk, encodingFor } from './row-quantized';

/**
 * A snapshot's header, and its rows as the chunks they arrived in, each blob in its `encoding`
 * (row-quantized.ts; files from before it hold float32 only). The header counts the rows
 * received; the snapshot is complete, and listed, once that reaches `rows`.
 */
export const EMBEDDING_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS embedding_snapshots (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    epoch INTEGER,
    wall_time REAL NOT NULL,
    rows INTEGER NOT NULL,
    dim INTEGER NOT NULL,
    received_rows INTEGER NOT NULL,
    PRIMARY KEY (tag_id, step)
  ) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS embedding_chunks (
    tag_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    row_offset INTEGER NOT NULL,
    chunk_rows INTEGER NOT NULL,
    data BLOB NOT NULL,
    encoding TEXT NOT NULL DEFAULT 'float32',
    PRIMARY KEY (tag_id, step, row_offset)
  )`,
];

interface SnapshotRow {
  name?: string;
  step: number;
  epoch: number | null;
  wall_time: number;
  rows: number;
  dim: number;
  received_rows: number;
}

interface StoredChunk {
  row_offset: number;
  chunk_rows: number;
  data: Buffer;
  encoding: ChunkEncoding;
}

/** Files written before chunks had an encoding lack the column; their chunks are all float32. */
function addEncodingColumn(db: Db): void {
  const columns = db.prepare(`PRAGMA table_info(embedding_chunks)`).all() as { name: string }[];
  if (!columns.some((c) => c.name === 'encoding')) db.exec(`ALTER TABLE embedding_chunks ADD COLUMN encoding TEXT NOT NULL DEFAULT 'float32'`);
}

function toInfo(tag: string, r: SnapshotRow): EmbeddingSnapshotInfo {
  return { tag, step: r.step, epoch: r.epoch, rows: r.rows, dim: r.dim, wallTime: r.wall_time };
}

export class EmbeddingTable {
  private readonly header;
  private readonly insertHeader;
  private readonly addRows;
  private readonly overlapping;
  private readonly insertChunk;
  private readonly complete;
  private readonly chunks;

  constructor(db: Db, private readonly tags: TagTable) {
    addEncodingColumn(db);
    this.header = db.prepare(`SELECT * FROM embedding_snapshots WHERE tag_id = ? AND step = ?`);
    this.insertHeader = db.prepare(`INSERT INTO embedding_snapshots VALUES (?, ?, ?, ?, ?, ?, 0)`);
    this.addRows = db.prepare(`UPDATE embedding_snapshots SET received_rows = received_rows + ? WHERE tag_id = ? AND step = ?`);
    this.overlapping = db.prepare(`SELECT row_offset, chunk_rows FROM embedding_chunks
      WHERE tag_id = ? AND step = ? AND row_offset < ? AND row_offset + chunk_rows > ? LIMIT 1`);
    this.insertChunk = db.prepare(`INSERT INTO embedding_chunks (tag_id, step, row_offset, chunk_rows, data, encoding) VALUES (?, ?, ?, ?, ?, ?)`);
    this.complete = db.prepare(`SELECT t.name, s.* FROM embedding_snapshots s JOIN tags t ON t.id = s.tag_id
      WHERE t.run_id = ? AND t.kind = ? AND s.received_rows = s.rows ORDER BY t.name, s.step`);
    this.chunks = db.prepare(`SELECT row_offset, chunk_rows, data, encoding FROM embedding_chunks WHERE tag_id = ? AND step = ? ORDER BY row_offset`);
  }

  /**
   * Call inside a transaction. A chunk is stored once per (run, tag, step, rowOffset), so a resend
   * changes nothing; one that disagrees with what is stored is refused. True when this chunk
   * completed its snapshot.
   */
  write(runId: string, c: EmbeddingChunk): boolean {
    const tagId = this.tags.idFor(runId, EMBEDDING_KIND, c.tag);
    const header = this.header.get(tagId, c.step) as SnapshotRow | undefined;
    if (!header) this.insertHeader.run(tagId, c.step, c.epoch, c.wallTime, c.rows, c.dim);
    else if (header.rows !== c.rows || header.dim !== c.dim) {
      throw new DataConflict(`embedding "${c.tag}" at step ${c.step} is ${header.rows} x ${header.dim}; this chunk says ${c.rows} x ${c.dim}`);
    }
    const end = c.rowOffset + c.chunkRows;
    const clash = this.overlapping.get(tagId, c.step, end, c.rowOffset) as { row_offset: number; chunk_rows: number } | undefined;
    if (clash) {
      if (clash.row_offset === c.rowOffset && clash.chunk_rows === c.chunkRows) return false;
      throw new DataConflict(`embedding "${c.tag}" at step ${c.step}: rows ${c.rowOffset}-${end - 1} overlap the stored rows ${clash.row_offset}-${clash.row_offset + clash.chunk_rows - 1}`);
    }
    const encoding = encodingFor(c.rows, c.dim);
    this.insertChunk.run(tagId, c.step, c.rowOffset, c.chunkRows, encodeChunk(encoding, c.values, c.chunkRows, c.dim), encoding);
    this.addRows.run(c.chunkRows, tagId, c.step);
    if ((header?.received_rows ?? 0) + c.chunkRows < c.rows) return false;
    this.tags.noteWritten(tagId, 1, c.step, c.step, c.wallTime, NaN);
    return true;
  }

  /** Complete snapshots only, by tag then step. */
  list(runId: string): EmbeddingSnapshotInfo[] {
    return (this.complete.all(runId, EMBEDDING_KIND) as Required<SnapshotRow>[]).map((r) => toInfo(r.name, r));
  }

  /** The whole matrix of a complete snapshot, or null when there is none at (tag, step). */
  read(runId: string, tag: string, step: number): EmbeddingMatrix | null {
    const tagRow = this.tags.get(runId, EMBEDDING_KIND, tag);
    if (!tagRow) return null;
    const header = this.header.get(tagRow.id, step) as SnapshotRow | undefined;
    if (!header || header.received_rows !== header.rows) return null;
    const matrix = new Float32Array(header.rows * header.dim);
    for (const chunk of this.chunks.all(tagRow.id, step) as StoredChunk[]) {
      decodeChunk(chunk.encoding, chunk.data, chunk.chunk_rows, header.dim, matrix, chunk.row_offset);
    }
    return { info: toInfo(tag, header), matrix };
  }
}
