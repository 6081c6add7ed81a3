/**
 * `npm run export -- --run ID --logdir DIR [--db FILE]`: writes a Tensorlens run as a TensorBoard
 * logdir (scalars and histograms), which TensorBoard and Tensorlens' own importer read back.
 */
import { parseArgs } from 'node:util';
import { closeApp, openApp } from '../lib/app-context';
import { exportRun } from '../lib/export/export-run';
import { resolveDbPath } from '../lib/storage/db-path';

const USAGE = `usage: npm run export -- --run ID --logdir DIR [--db FILE]
  --run     the run's id (the run page shows it)
  --logdir  folder to write into; the run becomes a sub-folder named after it
  --db      SQLite file (default TENSORLENS_DB or logs/tensorlens.db)`;

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({ options: { run: { type: 'string' }, logdir: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean', default: false } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help || !values.run || !values.logdir) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const dbPath = resolveDbPath(values.db);
  const app = openApp(dbPath);
  try {
    const result = exportRun(app, values.run, values.logdir);
    console.log(`wrote ${result.scalars} scalar and ${result.histograms} histogram event(s) to ${result.file}`);
  } catch (e) {
    console.error(`export failed: ${(e as Error).message}`);
    process.exitCode = 1;
  } finally {
    closeApp(dbPath);
  }
}

main();
