import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

export interface TarEntry {
  path: string;
  data: Buffer;
}

export interface TarReadOptions {
  /** Entries whose path fails the filter are skipped without being buffered. */
  filter?: (path: string) => boolean;
}

const BLOCK = 512;

/** Pending metadata that GNU ('L') and pax ('x') headers attach to the next header. */
interface Override {
  path?: string;
  size?: number;
}

interface Header {
  path: string;
  size: number;
  type: string;
}

/**
 * Incremental tar parser: push chunks of any size, get back the complete wanted entries.
 * Push-based so it can sit behind any byte source (file, gunzip, HTTP) without buffering the archive.
 */
export class TarParser {
  private pending: Buffer = Buffer.alloc(0);
  private offset = 0;
  private current: { header: Header; keep: boolean; data: Buffer | null; filled: number; padding: number } | null = null;
  private override: Override = {};
  private ended = false;

  constructor(private readonly filter: (path: string) => boolean = () => true) {}

  push(chunk: Buffer): TarEntry[] {
    const out: TarEntry[] = [];
    let buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    while (!this.ended) {
      if (this.current) {
        buf = this.consumeBody(buf, out);
        if (this.current) break;
        continue;
      }
      if (buf.length < BLOCK) break;
      const block = buf.subarray(0, BLOCK);
      buf = buf.subarray(BLOCK);
      this.offset += BLOCK;
      if (isZeroBlock(block)) {
        // One zero block is enough: some writers stop after it, and nothing may follow it anyway.
        this.ended = true;
        break;
      }
      this.startEntry(parseHeader(block, this.offset - BLOCK));
    }
    this.pending = this.ended ? Buffer.alloc(0) : Buffer.from(buf);
    return out;
  }

  /** Throws unless the archive ended cleanly, so a cut-off download is never mistaken for a short archive. */
  end(): void {
    if (this.ended) return;
    if (this.current) {
      const { header, filled } = this.current;
      const missing = filled < header.size ? `needs ${header.size} bytes but only ${filled} were read` : 'lacks its block padding';
      throw new Error(`truncated tar archive: entry "${header.path}" ${missing}`);
    }
    if (this.pending.length > 0) throw new Error(`truncated tar archive: partial header at byte ${this.offset}`);
    throw new Error(`truncated tar archive: no end-of-archive marker after byte ${this.offset}`);
  }

  private startEntry(raw: Header): void {
    // 'K' (GNU long link name) only matters for links, which are skipped, but must not reset the pending long name.
    const isMeta = raw.type === 'L' || raw.type === 'K' || raw.type === 'x' || raw.type === 'g';
    const header: Header = isMeta
      ? raw
      : { path: this.override.path ?? raw.path, size: this.override.size ?? raw.size, type: raw.type };
    if (!isMeta) this.override = {};
    const isFile = header.type === '0' || header.type === '\0' || header.type === '7';
    const keep = isMeta || (isFile && this.filter(header.path));
    this.current = {
      header,
      keep,
      data: keep ? Buffer.allocUnsafe(header.size) : null,
      filled: 0,
      padding: (BLOCK - (header.size % BLOCK)) % BLOCK,
    };
  }

  private consumeBody(buf: Buffer, out: TarEntry[]): Buffer {
    const cur = this.current!;
    const want = cur.header.size - cur.filled;
    if (want > 0) {
      const take = Math.min(want, buf.length);
      if (cur.data) buf.copy(cur.data, cur.filled, 0, take);
      cur.filled += take;
      this.offset += take;
      buf = buf.subarray(take);
      if (cur.filled < cur.header.size) return buf;
    }
    const skip = Math.min(cur.padding, buf.length);
    cur.padding -= skip;
    this.offset += skip;
    buf = buf.subarray(skip);
    if (cur.padding === 0) this.finishEntry(out);
    return buf;
  }

  private finishEntry(out: TarEntry[]): void {
    const { header, keep, data } = this.current!;
    this.current = null;
    if (!keep || !data) return;
    if (header.type === 'L') this.override.path = cString(data);
    else if (header.type === 'x') Object.assign(this.override, parsePax(data, header.path));
    else if (header.type !== 'g' && header.type !== 'K') out.push({ path: header.path, data });
  }
}

function parseHeader(block: Buffer, at: number): Header {
  const stored = parseNumber(block.subarray(148, 156));
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : block[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Historic writers summed signed bytes; accept both as POSIX tar readers do.
  if (stored !== unsigned && stored !== signed) {
    throw new Error(`corrupt tar archive: header checksum mismatch at byte ${at}`);
  }
  const name = cString(block.subarray(0, 100));
  // Only POSIX ustar ("ustar\0") has a prefix field; old GNU headers store times at that offset.
  const isUstar = block.toString('latin1', 257, 263) === 'ustar\0';
  const prefix = isUstar ? cString(block.subarray(345, 500)) : '';
  return {
    path: prefix ? `${prefix}/${name}` : name,
    size: parseNumber(block.subarray(124, 136)),
    type: String.fromCharCode(block[156]),
  };
}

/** Octal per POSIX, or GNU base-256 (high bit set) for sizes beyond 8 GiB. */
function parseNumber(field: Buffer): number {
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new Error(`corrupt tar archive: bad numeric field "${text}"`);
  return parseInt(text, 8);
}

function parsePax(data: Buffer, headerPath: string): Override {
  const result: Override = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const length = space > pos ? parseInt(data.toString('latin1', pos, space), 10) : NaN;
    if (!(length > 0) || pos + length > data.length) {
      throw new Error(`corrupt tar archive: bad pax record in "${headerPath}"`);
    }
    const record = data.toString('utf8', space + 1, pos + length - 1);
    const eq = record.indexOf('=');
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === 'path') result.path = value;
    else if (key === 'size') {
      result.size = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(result.size)) {
        throw new Error(`corrupt tar archive: bad pax size "${value}" in "${headerPath}"`);
      }
    }
    pos += length;
  }
  return result;
}

function cString(buf: Buffer): string {
  const nul = buf.indexOf(0);
  return buf.toString('utf8', 0, nul === -1 ? buf.length : nul);
}

function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/** Reads a tar stream (already decompressed) as an async iterator of its wanted regular files. */
export async function* readTar(source: AsyncIterable<Buffer>, options: TarReadOptions = {}): AsyncGenerator<TarEntry> {
  const parser = new TarParser(options.filter);
  for await (const chunk of source) yield* parser.push(chunk);
  parser.end();
}

/** Reads a .tar or .tar.gz file; compression is detected from the gzip magic bytes, not the name. */
export async function* readTarFile(path: string, options: TarReadOptions = {}): AsyncGenerator<TarEntry> {
  let file: ReadStream | undefined;
  try {
    const gzipped = await isGzipFile(path);
    file = createReadStream(path, { highWaterMark: 1 << 20 });
    const source = gzipped ? file.pipe(createGunzip()) : file;
    // pipe() does not forward read errors, so surface them on the stream being iterated.
    if (gzipped) file.on('error', (err) => source.destroy(err));
    for await (const entry of readTar(source, options)) yield entry;
  } catch (err) {
    throw new Error(`cannot read tar archive ${path}: ${(err as Error).message}`);
  } finally {
    file?.destroy();
  }
}

async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
