import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startSocketServer } from '../helpers/socket-server';
import { tempDir } from '../helpers/temp-dir';
import { until } from '../helpers/until';

const root = resolve(__dirname, '../..');

for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  test(`${signal} ends a training run as failed, saying so, before the trainer exits`, async (t) => {
    const server = await startSocketServer(join(tempDir(t), 'signal.db'));
    t.after(() => server.close());
    const trainer = spawn(process.execPath, ['--import', 'tsx', join(root, 'trainer/cli.ts'), '--model', 'mlp-sequential', '--epochs', '1000', '--run-name', 'stopped', '--backend', 'cpu', '--server', server.url], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<number | null>((done) => trainer.on('exit', (c) => done(c)));
    t.after(() => trainer.kill('SIGKILL'));
    const run = () => server.app.read.scalar.runs().find((r) => r.name === 'stopped');
    await until(() => Object.keys(run()?.lastScalars ?? {}).length > 0, 'the first points to arrive');
    trainer.kill(signal);
    assert.equal(await exited, code);
    assert.equal(run()!.status, 'failed');
    assert.equal(run()!.error, `terminated (${signal})`);
  });
}
