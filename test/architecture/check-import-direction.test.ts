import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A file's unit: lib/<folder> for lib (a module at lib/'s top is a unit of its own), else the top folder. */
function unitOf(file: string): string {
  const parts = file.replace(/\.tsx?$/, '').split('/');
  if (parts[0] !== 'lib') return parts[0];
  return parts.slice(0, 2).join('/');
}

/** Every project file each file imports (type-only imports too: they tie the folders as tightly). */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]);
  return found.flatMap((spec) => {
    if (spec.startsWith('@/')) return [spec.slice(2)];
    if (spec.startsWith('.')) return [relative(root, resolve(root, dirname(file), spec))];
    return [];
  });
}

function unitGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of [...sources('lib'), ...sources('server'), ...sources('app'), ...sources('trainer')]) {
    const from = unitOf(file);
    for (const target of imports(file)) {
      const to = unitOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

test('storage, protocol and api never import the kinds: the kinds use them', () => {
  const graph = unitGraph();
  for (const unit of ['lib/storage', 'lib/protocol', 'lib/api']) {
    const reaches = [...(graph.get(unit) ?? [])].filter((to) => to === 'lib/kinds' || to === 'lib/app-context');
    assert.deepEqual(reaches, [], `${unit} imports ${reaches.join(', ')}`);
  }
});

test('no import cycle between folders', () => {
  const graph = unitGraph();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (unit: string, path: string[]): void => {
    if (state.get(unit) === 'done') return;
    assert.notEqual(state.get(unit), 'open', `import cycle: ${[...path.slice(path.indexOf(unit)), unit].join(' → ')}`);
    state.set(unit, 'open');
    for (const to of graph.get(unit) ?? []) visit(to, [...path, unit]);
    state.set(unit, 'done');
  };
  for (const unit of graph.keys()) visit(unit, []);
});
