/** A trainer that streams until it is killed: `stream-forever.ts SERVER_URL RUN_ID`. */
import { Run } from '../../lib/client/run';

const [server, id] = process.argv.slice(2);
const run = new Run({ server, name: id, id, flushIntervalMs: 5 });
let step = 0;
setInterval(() => run.log({ loss: 1 / ++step }, step), 10);
