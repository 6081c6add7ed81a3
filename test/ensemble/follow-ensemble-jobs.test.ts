import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EnsembleJobs } from '../../lib/ensemble/ensemble-jobs';
import type { EnsembleJob } from '../../lib/ensemble/ensemble-job';
import { until } from '../helpers/until';

/** Jobs whose command is a node script standing in for the ensemble command, printing what it is given. */
function jobsRunning(script: string): { jobs: EnsembleJobs; args: string[][] } {
  const args: string[][] = [];
  const jobs = new EnsembleJobs((given) => {
    args.push(given);
    return spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  }, 'http://127.0.0.1:9');
  return { jobs, args };
}

async function ended(jobs: EnsembleJobs, job: EnsembleJob): Promise<EnsembleJob> {
  await until(() => jobs.get(job.id)!.state !== 'running', `job ${job.id} to end`);
  return jobs.get(job.id)!;
}

test('a job keeps the command\'s lines and ends finished with the run it stored', async () => {
  const { jobs, args } = jobsRunning("console.log('backend: cpu'); console.log('stored as ensemble run ens-1')");
  const job = await ended(jobs, jobs.start({ runs: ['a', 'b'], weights: 'equal' }));
  assert.deepEqual(args, [['--runs=a,b', '--weights=equal', '--server=http://127.0.0.1:9']]);
  assert.deepEqual([job.state, job.runId, job.error, job.lines], ['finished', 'ens-1', null, ['backend: cpu', 'stored as ensemble run ens-1']]);
  assert.ok(job.finishedAt! >= job.startedAt);
});

test('a command that fails gives its own message as the error', async () => {
  const { jobs } = jobsRunning("console.log('backend: cpu'); console.error('ensemble failed: these runs cannot be combined:'); console.error('  run b differs'); process.exit(1)");
  const job = await ended(jobs, jobs.start({ runs: ['a', 'b'], weights: 'optimize' }));
  assert.deepEqual([job.state, job.runId, job.error], ['failed', null, 'ensemble failed: these runs cannot be combined:\n  run b differs']);
  assert.equal(job.lines.length, 3);
});

test('a command that exits 0 without storing a run failed; an unknown job is null', async () => {
  const { jobs } = jobsRunning('process.exit(0)');
  const job = await ended(jobs, jobs.start({ runs: ['a', 'b'], weights: 'equal' }));
  assert.deepEqual([job.state, job.error], ['failed', 'the command ended without storing an ensemble run']);
  assert.equal(jobs.get('nope'), null);
});

test('closing stops the jobs still running', async () => {
  const { jobs } = jobsRunning('setInterval(() => {}, 1000)');
  const job = jobs.start({ runs: ['a', 'b'], weights: 'equal' });
  jobs.close();
  const done = await ended(jobs, job);
  assert.deepEqual([done.state, done.error], ['failed', 'the ensemble command exited with SIGTERM']);
});
