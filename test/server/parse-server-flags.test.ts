import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlagError, parseServerFlags } from '../../server/server-flags';

test('the server flags take their defaults from the environment', () => {
  assert.deepEqual(parseServerFlags([], { PORT: '4000', TENSORLENS_ALLOWED_HOSTS: 'a.lab, b.lab', TENSORLENS_HEARTBEAT_GRACE: '2.5' }), {
    port: 4000, host: '127.0.0.1', allowedHosts: ['a.lab', 'b.lab'], db: undefined, heartbeatGraceMs: 2500, dev: false, demo: false, logdirs: [],
  });
  const flags = parseServerFlags(['--allowed-host', 'x.lab', '--allowed-host', 'y.lab', '--heartbeat-grace', '1', '--host', '0.0.0.0', '--logdir', 'mnist:/runs/a', '--logdir', '/runs/b'], {});
  assert.ok(flags !== 'help');
  assert.deepEqual([flags.allowedHosts, flags.heartbeatGraceMs, flags.host], [['x.lab', 'y.lab'], 1000, '0.0.0.0']);
  assert.deepEqual(flags.logdirs, [{ name: 'mnist', dir: '/runs/a' }, { name: null, dir: '/runs/b' }]);
});

test('bad server flags are refused with the reason', () => {
  assert.throws(() => parseServerFlags(['--heartbeat-grace', '0'], {}), (e) => e instanceof FlagError && /heartbeat grace "0"/.test(e.message));
  assert.throws(() => parseServerFlags(['--port', 'x'], {}), /invalid port "x"/);
  assert.throws(() => parseServerFlags(['--nope'], {}), FlagError);
});
