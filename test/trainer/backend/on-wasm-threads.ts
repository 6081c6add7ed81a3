import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { requestedWasmThreads } from '../../../trainer/backend/wasm-threads';

/**
 * Runs test file `file` again in a child for each of 1 and 2 wasm threads that this process
 * (one thread per core unless TENSORLENS_WASM_THREADS says) does not run: the wasm build is
 * fixed once per process. Each child must pass `passes` tests.
 */
export function testOnOtherWasmThreads(file: string, passes: number): void {
  const others = process.env.TENSORLENS_WASM_THREADS ? [] : ['1', '2'].filter((t) => Number(t) !== requestedWasmThreads());
  test(`the same on wasm with ${others.join(' and ') || 'no other'} thread count`, { skip: others.length === 0 }, () => {
    // Without the runner's NODE_TEST_CONTEXT, which would make the child skip its tests.
    const { NODE_TEST_CONTEXT: _, ...env } = process.env;
    for (const threads of others) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--test', file], {
        encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 26, env: { ...env, TENSORLENS_WASM_THREADS: threads },
      });
      assert.equal(child.status, 0, `${threads} thread(s): ${child.stdout}\n${child.stderr}`);
      assert.match(child.stdout, new RegExp(`# pass ${passes}\\n`), `${threads} thread(s) ran its tests: ${child.stdout}`);
    }
  });
}
