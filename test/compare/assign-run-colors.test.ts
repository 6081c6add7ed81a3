import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignRunColors, preferredColorIndex, RUN_PALETTE } from '../../lib/compare/run-colors';

const runs = (n: number, prefix = 'run-') => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, startedAt: 1_000 + i }));

test('a run gets its hashed colour whatever the order it is listed in', () => {
  const list = runs(5);
  const forward = assignRunColors(list);
  const backward = assignRunColors([...list].reverse());
  for (const { id } of list) assert.equal(forward.get(id), backward.get(id));
  assert.deepEqual([...forward.keys()], list.map((r) => r.id), 'the map follows the given order');
  const alone = assignRunColors([{ id: 'solo', startedAt: 0 }]);
  assert.equal(alone.get('solo'), RUN_PALETTE[preferredColorIndex('solo')]);
});

test('runs shown together never share a colour until the palette is used up', () => {
  const colors = assignRunColors(runs(RUN_PALETTE.length));
  assert.equal(new Set(colors.values()).size, RUN_PALETTE.length);
  const many = assignRunColors(runs(RUN_PALETTE.length * 2 + 3));
  const uses = new Map<string, number>();
  for (const c of many.values()) uses.set(c, (uses.get(c) ?? 0) + 1);
  assert.ok([...uses.values()].every((n) => n >= 2 && n <= 3), 'later rounds spread evenly too');
});

test('a newer run joining a comparison leaves the older runs their colours', () => {
  const list = runs(8);
  const before = assignRunColors(list);
  for (let i = 0; i < 30; i++) {
    const after = assignRunColors([...list, { id: `late-${i}`, startedAt: 9_999 }]);
    for (const { id } of list) assert.equal(after.get(id), before.get(id));
  }
});

test('colliding ids move on to the next free colour, oldest keeping its own', () => {
  const target = preferredColorIndex('a');
  const twin = Array.from({ length: 500 }, (_, i) => `b${i}`).find((id) => preferredColorIndex(id) === target)!;
  const colors = assignRunColors([
    { id: twin, startedAt: 1 },
    { id: 'a', startedAt: 2 },
  ]);
  assert.equal(colors.get(twin), RUN_PALETTE[target]);
  assert.equal(colors.get('a'), RUN_PALETTE[(target + 1) % RUN_PALETTE.length]);
});

test('a user override wins and takes its palette colour from the others; a bad one is ignored', () => {
  const target = preferredColorIndex('a');
  const colors = assignRunColors(
    [
      { id: 'a', startedAt: 2 },
      { id: 'mine', startedAt: 1 },
      { id: 'bad', startedAt: 3 },
    ],
    { mine: RUN_PALETTE[target].toUpperCase(), bad: 'red' },
  );
  assert.equal(colors.get('mine'), RUN_PALETTE[target]);
  assert.notEqual(colors.get('a'), RUN_PALETTE[target]);
  assert.ok(RUN_PALETTE.includes(colors.get('bad')!), 'an override that is no colour falls back to the palette');
  assert.equal(new Set(colors.values()).size, 3);
  assert.equal(assignRunColors([{ id: 'x', startedAt: 0 }], { x: '#ABCDEF' }).get('x'), '#abcdef');
});
