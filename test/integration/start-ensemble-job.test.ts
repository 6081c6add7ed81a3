import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { openApp } from '../../lib/app-context';
import { Run } from '../../lib/client/run';
import { EnsembleJobs } from '../../lib/ensemble/ensemble-jobs';
import type { EnsembleJob } from '../../lib/ensemble/ensemble-job';
import { ensembleLauncher } from '../../server/launch-ensemble';
import { startApiServer } from '../helpers/api-routes';
import { runScript } from '../helpers/run-trainer';

const root = resolve(__dirname, '../..');

test('POST /api/ensembles: a foreign Origin and bad bodies are refused, runs that cannot be combined say why, and a job over two real runs ends linked to its ensemble run', { timeout: 600_000 }, async (t) => {
  const { server, dir } = await startApiServer(t, 'ensemble-job.db');
  // The route finds the jobs through the app of TENSORLENS_DB, as under the real server.
  const jobs = new EnsembleJobs(ensembleLauncher(root, dir), server.url);
  openApp().ensembles = jobs;
  t.after(() => jobs.close());
  const post = (body: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/ensembles`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

  const foreign = await post(JSON.stringify({ runs: ['job-a', 'job-b'] }), { origin: 'http://evil.example' });
  assert.equal(foreign.status, 403);
  assert.match((await errorOf(foreign)).message, /origin http:\/\/evil\.example/);
  const notJson = await post('{runs');
  assert.deepEqual([notJson.status, (await errorOf(notJson)).message], [400, 'the request body must be JSON']);
  const one = await post(JSON.stringify({ runs: ['job-a'] }));
  assert.equal(one.status, 400);
  assert.match((await errorOf(one)).message, /runs: an ensemble needs two or more runs/);
  const badWeights = await post(JSON.stringify({ runs: ['job-a', 'job-b'], weights: 'best' }));
  assert.equal(badWeights.status, 400);

  const train = async (id: string, extra: string[]) => {
    const flags = ['--model', 'mlp-sequential', '--run-id', id, '--epochs', '2', '--train-samples', '300', '--test-samples', '100', '--update-freq', 'epoch', '--checkpoint', '--save-best-only', '--server', server.url];
    const { code, output } = await runScript('trainer/cli.ts', [...flags, ...extra], dir);
    assert.equal(code, 0, output);
  };
  await train('job-a', ['--learning-rate', '0.01']);
  await train('job-b', ['--learning-rate', '0.003', '--batch-size', '32']);
  const plain = new Run({ server: server.url, name: 'not-trained', model: 'script', backend: 'none' });
  assert.ok(await plain.finish('finished'));

  const missing = await post(JSON.stringify({ runs: ['job-a', 'no-such-run'] }));
  assert.deepEqual([missing.status, (await errorOf(missing)).message], [404, 'run "no-such-run" not found']);
  const foreignTask = await post(JSON.stringify({ runs: ['job-a', plain.id] }));
  assert.equal(foreignTask.status, 422);
  assert.match((await errorOf(foreignTask)).message, /these runs cannot be combined:\n {2}run .* \(not-trained\) has no training data description/);

  const started = await post(JSON.stringify({ runs: ['job-a', 'job-b'], weights: 'optimize', name: 'from the dashboard' }));
  assert.equal(started.status, 202);
  let job = (await started.json()) as EnsembleJob;
  assert.deepEqual([job.state, job.runs, job.weights], ['running', ['job-a', 'job-b'], 'optimize']);
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 200));
    job = (await (await fetch(`${server.url}/api/ensembles/jobs/${job.id}`)).json()) as EnsembleJob;
  }
  assert.equal(job.state, 'finished', JSON.stringify(job));
  assert.ok(job.lines.some((line) => line.startsWith('backend: ')), job.lines.join('\n'));
  const ensemble = server.app.read.scalar.runs().find((run) => run.id === job.runId);
  assert.deepEqual([ensemble?.model, ensemble?.name, ensemble?.status], ['ensemble', 'from the dashboard', 'finished']);
  assert.deepEqual((ensemble!.config as { members: { runId: string }[] }).members.map((m) => m.runId), ['job-a', 'job-b']);

  const gone = await fetch(`${server.url}/api/ensembles/jobs/nope`);
  assert.equal(gone.status, 404);
});
