/**
 * `npm run import -- DIR… [--db FILE]`: imports TensorBoard logdirs into the database once and
 * exits, printing what it read. Run it again later and it reads only what was added since.
 */
import { parseArgs } from 'node:util';
import { closeApp, openApp } from '../lib/app-context';
import { importLogdirsOnce } from '../lib/import/import-logdirs';
import { parseLogdirSpec } from '../lib/logdir/logdir-spec';
import { resolveDbPath } from '../lib/storage/db-path';

const USAGE = `usage: npm run import -- DIR [name:DIR …] [--db FILE]
  DIR      a TensorBoard logdir: every folder under it with events.out.tfevents.* files is a run
  --db     SQLite file (default TENSORLENS_DB or logs/tensorlens.db)`;

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { db: { type: 'string' }, help: { type: 'boolean', default: false } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    console.log(USAGE);
    process.exit(parsed.values.help ? 0 : 2);
  }
  const dbPath = resolveDbPath(parsed.values.db);
  const app = openApp(dbPath);
  const started = performance.now();
  const { pass, tally } = await importLogdirsOnce(app, parsed.positionals.map((arg) => parseLogdirSpec(arg)));
  const seconds = (performance.now() - started) / 1000;
  closeApp(dbPath);
  console.log(`read ${pass.files} event file(s) in ${pass.runs} run folder(s): ${pass.records} new record(s) in ${seconds.toFixed(1)} s`);
  console.log(`runs imported or updated: ${tally.runs.size} (database ${dbPath})`);
  for (const [kind, count] of Object.entries(tally.stored).sort()) console.log(`  ${kind}: ${count}`);
  if (tally.notShown > 0) console.log(`  not shown (listed on the run page): ${tally.notShown}`);
  if (pass.waiting > 0) console.log(`${pass.waiting} file(s) end in a record still being written: it is read next time`);
  if (tally.problems.length > 0) console.log(`problems (also on the run pages):\n${tally.problems.map((p) => `  ${p}`).join('\n')}`);
}

main().catch((e: Error) => {
  console.error(`import failed: ${e.message}`);
  process.exit(1);
});
