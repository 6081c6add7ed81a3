import { seededRandom } from '../../lib/seeded-random';

/** The run every malformed message aims at: were one accepted, the run's API output would change. */
export const REF = 'ref';
const AT = 1_700_000_000_000;
const floats = (values: number[]) => Buffer.from(Float32Array.from(values).buffer).toString('base64');
const node = { id: 'a', className: 'Dense', name: 'a', callSites: 1, inputShapes: [[[null, 2]]], outputShapes: [[[null, 2]]], params: 6 };
const histogram = { tag: 'dense/kernel', step: 100, wallTime: AT, min: 0, max: 1, count: 3, sum: 1, sumSquares: 1, nanCount: 0, posInfCount: 0, negInfCount: 0, counts: [1, 2] };

/** One valid message of each type, for REF; the fuzz only ever sends them broken. */
export const VALID: Record<string, () => Record<string, unknown>> = {
  start: () => ({ v: 1, seq: 1, type: 'run.start', run: { id: REF, name: 'ref', model: 'm', backend: 'b', config: { lr: 0.1 }, startedAt: AT } }),
  status: () => ({ v: 1, seq: 2, type: 'run.status', runId: REF, status: 'finished', at: AT + 500 }),
  scalars: () => ({ v: 1, seq: 3, type: 'scalars', runId: REF, points: [{ tag: 'loss', steps: [100, 101], wallTimes: [AT, AT], values: [0.5, 'NaN'] }] }),
  histograms: () => ({ v: 1, seq: 4, type: 'histograms', runId: REF, histograms: [{ ...histogram }] }),
  events: () => ({ v: 1, seq: 5, type: 'events', runId: REF, events: [{ step: 100, wallTime: AT, kind: 'note', reason: 'why', data: { a: 1 } }] }),
  vocabulary: () => ({ v: 1, seq: 6, type: 'vocabulary', runId: REF, vocabulary: { words: ['a', 'b'], counts: [1, 2] } }),
  graph: () => ({ v: 1, seq: 7, type: 'graph', runId: REF, graph: { name: 'm', className: 'Model', nodes: [{ ...node }], edges: [], outputs: [{ node: 'a', callSite: 0, tensor: 0 }] } }),
  text: () => ({ v: 1, seq: 9, type: 'text', runId: REF, entries: [{ tag: 'reviews', step: 100, wallTime: AT, text: '**wrong** 0.93' }] }),
  embedding: () => ({ v: 1, seq: 8, type: 'embedding', runId: REF, tag: 'emb', step: 100, epoch: 1, wallTime: AT, rows: 2, dim: 2, rowOffset: 0, chunkRows: 2, values: floats([1, 2, 3, 4]) }),
};

const protoKey = (value: unknown) => ({ ['__proto__']: value });
const deep = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const edge = { source: 'zz', sourceCallSite: 0, sourceTensor: 0, target: 'a', targetCallSite: 0, targetInput: 0 };

/** Per message type, a field and values that field can never take: each makes the message invalid. */
const BROKEN_FIELDS: [string, (string | number)[], unknown[]][] = [
  ['scalars', ['v'], [0, 2, '1', null]],
  ['scalars', ['seq'], [-1, 1.5, '3', null]],
  ['scalars', ['type'], ['scalar', '', 3]],
  ['scalars', ['runId'], ['', '../etc', 'a b', 'x'.repeat(65), 7]],
  ['scalars', ['points'], [[], 'loss', null, {}]],
  ['scalars', ['points', 0, 'tag'], ['', '.', '..', '/a', 'a/', 'a//b', 'a/./b', '__proto__', 'a\nb', 'x'.repeat(201), 5]],
  ['scalars', ['points', 0, 'steps'], [[-1, 2], [1.5, 2], ['1', 2], [1], [1, 2, 3]]],
  ['scalars', ['points', 0, 'wallTimes'], [[1.7e18, AT], [-1, AT], ['now', AT], [1e16, AT]]],
  ['scalars', ['points', 0, 'values'], [[{}, 1], ['nan', 1], [null, 1], [true, 1]]],
  ['histograms', ['histograms'], [[], 'h']],
  ['histograms', ['histograms', 0, 'counts'], [[-1, 4], [], [1.5, 1.5], 'x']],
  ['histograms', ['histograms', 0, 'count'], [4, -3, 2.5]],
  ['histograms', ['histograms', 0, 'min'], [2, 'NaN']],
  ['histograms', ['histograms', 0, 'wallTime'], [1.7e18, -1]],
  ['histograms', ['histograms', 0, 'tag'], ['a//b', '__proto__']],
  ['events', ['events'], [[], {}]],
  ['events', ['events', 0, 'kind'], ['not a kind', '', 'x'.repeat(65)]],
  ['events', ['events', 0, 'reason'], ['', 5]],
  ['events', ['events', 0, 'step'], [-1, 1.5]],
  ['events', ['events', 0, 'wallTime'], [1.7e18]],
  ['events', ['events', 0, 'data'], [{ a: { b: 1 } }, { a: [1] }, protoKey(1), 'x', { a: 'x'.repeat(1001) }]],
  ['vocabulary', ['vocabulary', 'counts'], [[1], [1, -2], 'x']],
  ['vocabulary', ['vocabulary', 'words'], [[1, 2], 'ab']],
  ['graph', ['graph', 'outputs', 0, 'callSite'], [-1, 5]],
  ['graph', ['graph', 'nodes', 0, 'inputShapes'], [[]]],
  ['graph', ['graph', 'nodes'], [[]]],
  ['graph', ['graph', 'edges'], [[edge]]],
  ['graph', ['graph', 'nodes', 0, 'callSites'], [0, 2]],
  ['text', ['entries'], [[], 'x']],
  ['text', ['entries', 0, 'tag'], ['a//b', '..', '__proto__']],
  ['text', ['entries', 0, 'text'], [5, 'x'.repeat(65_537)]],
  ['text', ['entries', 0, 'wallTime'], [1.7e18]],
  ['embedding', ['values'], ['!!!', floats([1]), floats([NaN, 1, 2, 3])]],
  ['embedding', ['rows'], [0, 1]],
  ['embedding', ['dim'], [3]],
  ['embedding', ['rowOffset'], [1]],
  ['embedding', ['epoch'], [0, 'one']],
  ['embedding', ['wallTime'], [1.7e18]],
  ['start', ['run', 'id'], ['', 'a/b', 5]],
  ['start', ['run', 'name'], ['', 'x'.repeat(201)]],
  ['start', ['run', 'startedAt'], [1.7e18, -1, '2025']],
  ['start', ['run', 'config'], [[], 'x', protoKey({}), { a: protoKey(1) }, deep(40)]],
  ['start', ['secret'], ['short', 5]],
  ['start', ['run'], [null, []]],
  ['status', ['status'], ['crashed', 'done', 1]],
  ['status', ['at'], [1.7e18, -1]],
  ['status', ['error'], [5, 'x'.repeat(10_001)]],
  ['status', ['runId'], ['nobody']],
];

function withField(message: Record<string, unknown>, path: (string | number)[], value: unknown): string {
  let target = message as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]] = value;
  return JSON.stringify(message);
}

type Pick = <T>(items: readonly T[]) => T;

/** Whole messages broken in ways no field list covers. */
const BROKEN_WHOLE: ((pick: Pick, random: () => number) => string | Buffer)[] = [
  (pick, random) => {
    const text = JSON.stringify(VALID[pick(Object.keys(VALID))]());
    return text.slice(0, 1 + Math.floor(random() * (text.length - 1)));
  },
  (_, random) => Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))),
  (pick) => pick(['null', '[]', '42', '"scalars"', 'true', '[{"v":1,"seq":3}]', '{}', '']),
  () => Buffer.concat([Buffer.from('{"v":1,"seq":9,"type":"scalars","runId":"ref","points":[{"tag":"lo'), Buffer.from([0xff, 0xfe]), Buffer.from('ss","steps":[1],"wallTimes":[1],"values":[1]}]}')]),
  () => withField(VALID.scalars(), ['points', 0], { tag: 'loss', steps: Array.from({ length: 10_001 }, (_, i) => i), wallTimes: Array(10_001).fill(AT), values: Array(10_001).fill(1) }),
  () => withField(VALID.events(), ['events'], Array.from({ length: 501 }, (_, i) => ({ step: i, wallTime: AT, kind: 'note', reason: 'r' }))),
];

/** Rare, as each is over a megabyte: refused as too large before parsing. */
const oversized = () => withField(VALID.events(), ['events', 0, 'reason'], 'x'.repeat(1_100_000));

/** `count` malformed messages, the same for the same seed. */
export function malformedMessages(count: number, seed = 10): (string | Buffer)[] {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, () => {
    const roll = random();
    if (roll < 0.01) return oversized();
    if (roll < 0.25) return pick(BROKEN_WHOLE)(pick, random);
    const [type, path, values] = pick(BROKEN_FIELDS);
    return withField(VALID[type](), path, pick(values));
  });
}
