import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readTar, readTarFile, TarParser, type TarEntry } from '../../../trainer/data/tar-reader';
import { makeTempDir, tarAclImdb, writeAclImdb } from './imdb-fixture';

// 130 characters: over ustar's 100-byte name field, so each format has to use its long-name mechanism.
const LONG_DIR = `train/pos/${'d'.repeat(60)}/${'e'.repeat(50)}`;
const FILES: Record<string, string> = {
  'train/pos/1_7.txt': 'short path',
  [`${LONG_DIR}/2_8.txt`]: 'long path',
  'test/neg/empty_1.txt': '',
  'test/neg/big_2.txt': 'x'.repeat(5000),
};

function buildArchive(flags: string[]): string {
  const dir = makeTempDir();
  const root = writeAclImdb(join(dir, 'src'), FILES);
  // Directory and symlink entries must be skipped: only regular files are yielded.
  symlinkSync('1_7.txt', join(root, 'aclImdb/train/pos/link.txt'));
  return tarAclImdb(root, join(dir, 'fixture.tar'), flags);
}

async function collect(path: string, filter?: (path: string) => boolean): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  for await (const entry of readTarFile(path, { filter })) entries.set(entry.path, entry.data.toString('utf8'));
  return entries;
}

const expected = new Map(Object.entries(FILES).map(([path, text]) => [`aclImdb/${path}`, text]));

test('reads GNU long names (L entries)', async () => {
  const archive = buildArchive(['--format=gnu']);
  assert.ok(readFileSync(archive).includes('././@LongLink'), 'fixture must contain a GNU long-name entry');
  assert.deepEqual(await collect(archive), expected);
});

test('reads pax extended headers (x entries with path=)', async () => {
  const archive = buildArchive(['--format=pax']);
  const raw = readFileSync(archive);
  assert.ok(raw.includes(` path=aclImdb/${LONG_DIR}/2_8.txt\n`), 'fixture must carry the path in a pax record');
  assert.deepEqual(await collect(archive), expected);
});

test('reads the ustar prefix field', async () => {
  const archive = buildArchive(['--format=ustar']);
  const raw = readFileSync(archive);
  assert.ok(!raw.includes('././@LongLink') && !raw.includes(' path='), 'fixture must rely on the prefix field');
  assert.deepEqual(await collect(archive), expected);
});

test('detects gzip from the magic bytes, whatever the file name', async () => {
  const plain = buildArchive(['--format=gnu']);
  const gzipped = join(makeTempDir(), 'no-extension');
  writeFileSync(gzipped, gzipSync(readFileSync(plain)));
  assert.deepEqual(await collect(gzipped), expected);
});

test('yields only entries that pass the filter and shows it every regular file path', async () => {
  const archive = buildArchive(['--format=pax']);
  const seen: string[] = [];
  const entries = await collect(archive, (path) => {
    seen.push(path);
    return path.endsWith('1_7.txt');
  });
  assert.deepEqual([...entries], [['aclImdb/train/pos/1_7.txt', 'short path']]);
  assert.deepEqual(seen.sort(), [...expected.keys()].sort());
});

test('parses the same entries whatever the chunk boundaries', async () => {
  const raw = readFileSync(buildArchive(['--format=gnu']));
  for (const size of [1, 7, 511, 512, 513, 4096]) {
    const parser = new TarParser();
    const entries: TarEntry[] = [];
    for (let at = 0; at < raw.length; at += size) entries.push(...parser.push(raw.subarray(at, at + size)));
    parser.end();
    assert.deepEqual(new Map(entries.map((e) => [e.path, e.data.toString()])), expected, `chunk size ${size}`);
  }
});

test('readTar accepts any async byte source', async () => {
  const raw = readFileSync(buildArchive(['--format=ustar']));
  async function* halves() {
    yield raw.subarray(0, 1000);
    yield raw.subarray(1000);
  }
  const paths: string[] = [];
  for await (const entry of readTar(halves())) paths.push(entry.path);
  assert.deepEqual(paths.sort(), [...expected.keys()].sort());
});

const NO_HANG = { timeout: 10_000 };

test('a gzip archive cut in half is an error, not a short read', NO_HANG, async () => {
  const archive = buildArchive(['-z', '--format=gnu']);
  const cut = join(makeTempDir(), 'cut.tar.gz');
  const raw = readFileSync(archive);
  writeFileSync(cut, raw.subarray(0, Math.floor(raw.length / 2)));
  await assert.rejects(collect(cut), /cannot read tar archive .*cut\.tar\.gz: (unexpected end of file|truncated)/);
});

test('a plain tar cut inside an entry names the entry', NO_HANG, async () => {
  const raw = readFileSync(buildArchive(['--format=ustar']));
  const bigData = raw.indexOf('x'.repeat(100));
  const cut = join(makeTempDir(), 'cut.tar');
  writeFileSync(cut, raw.subarray(0, bigData + 100));
  await assert.rejects(collect(cut), /truncated tar archive: entry "aclImdb\/test\/neg\/big_2\.txt" needs 5000 bytes but only 100/);
});

test('a plain tar cut on a block boundary is missing its end marker', NO_HANG, async () => {
  const raw = readFileSync(buildArchive(['--format=ustar']));
  const parser = new TarParser();
  parser.push(raw.subarray(0, 1024));
  assert.throws(() => parser.end(), /truncated tar archive: no end-of-archive marker/);
  const partial = new TarParser();
  partial.push(raw.subarray(0, 100));
  assert.throws(() => partial.end(), /partial header/);
});

test('a corrupted header fails its checksum', NO_HANG, async () => {
  const raw = Buffer.from(readFileSync(buildArchive(['--format=ustar'])));
  raw[10] ^= 0x55;
  const bad = join(makeTempDir(), 'bad.tar');
  writeFileSync(bad, raw);
  await assert.rejects(collect(bad), /corrupt tar archive: header checksum mismatch at byte 0/);
});

test('corrupted gzip data is an error', NO_HANG, async () => {
  const raw = Buffer.from(gzipSync(readFileSync(buildArchive(['--format=gnu']))));
  for (let i = 20; i < raw.length - 10; i += 7) raw[i] ^= 0xff;
  const bad = join(makeTempDir(), 'bad.tar.gz');
  writeFileSync(bad, raw);
  await assert.rejects(collect(bad), /cannot read tar archive/);
});

test('a missing archive names the path', async () => {
  await assert.rejects(collect('/nonexistent/archive.tar.gz'), /cannot read tar archive \/nonexistent\/archive\.tar\.gz: ENOENT/);
});

test('stopping early releases the file', NO_HANG, async () => {
  const archive = buildArchive(['-z', '--format=gnu']);
  for await (const entry of readTarFile(archive)) {
    assert.ok(entry.path.startsWith('aclImdb/'));
    break;
  }
});

/** One hand-made ustar header block, for header sequences the system tar never writes. */
function header(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write(type, 156);
  block.write('ustar\x0000', 257, 'latin1');
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

const padded = (data: string) => {
  const bytes = Buffer.from(data);
  return Buffer.concat([bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512)]);
};
const paxRecord = (key: string, value: string) => {
  const body = ` ${key}=${value}\n`;
  // The length counts bytes of the whole record, its own digits included.
  let length = Buffer.byteLength(body) + 1;
  while (Buffer.byteLength(`${length}${body}`) !== length) length++;
  return `${length}${body}`;
};
const END = Buffer.alloc(1024);

test('pax path and size override the next header only; global and long-link headers are ignored', () => {
  const pax = paxRecord('path', 'aclImdb/ünïcode/long.txt') + paxRecord('size', '5');
  const archive = Buffer.concat([
    header('pax_global_header', 20, 'g'),
    padded('20 comment=ignored\n'),
    header('PaxHeader/x', Buffer.byteLength(pax), 'x'),
    padded(pax),
    header('short.txt', 0, '0'), // the pax size (5) wins over the header's 0
    padded('hello'),
    header('././@LongLink', 12, 'L'),
    padded('a/long/name\0'),
    header('././@LongLink', 7, 'K'),
    padded('target\0'),
    header('trunc', 3, '0'),
    padded('abc'),
    header('plain.txt', 2, '0'),
    padded('hi'),
    END,
  ]);
  const parser = new TarParser();
  const entries = parser.push(archive).map((e) => [e.path, e.data.toString()]);
  parser.end();
  assert.deepEqual(entries, [
    ['aclImdb/ünïcode/long.txt', 'hello'],
    ['a/long/name', 'abc'],
    ['plain.txt', 'hi'],
  ]);
});

test('malformed pax records and data without its padding are errors', () => {
  const bad = 'x path=oops\n';
  const parser = new TarParser();
  assert.throws(
    () => parser.push(Buffer.concat([header('PaxHeader/x', bad.length, 'x'), padded(bad)])),
    /corrupt tar archive: bad pax record in "PaxHeader\/x"/,
  );
  const cut = new TarParser();
  cut.push(Buffer.concat([header('a.txt', 3, '0'), Buffer.from('abc')]));
  assert.throws(() => cut.end(), /truncated tar archive: entry "a.txt" lacks its block padding/);
});
