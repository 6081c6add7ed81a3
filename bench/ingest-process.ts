import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface IngestProcess {
  url: string;
  /** Stops the server; resolves with the CPU seconds it spent storing what it was sent. */
  close(): Promise<number>;
}

/**
 * Starts bench/serve-ingest.ts in its own process, so that what the server spends storing points
 * is not counted in the trainer's time, as with a real dashboard.
 */
export async function startIngestProcess(dbPath: string): Promise<IngestProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'serve-ingest.ts'), dbPath], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`the ingest server exited with ${code}`))));
  exited.catch(() => undefined);
  const nextLine = async () => {
    const line = await Promise.race([lines.next(), exited]);
    if (line.done) throw new Error('the ingest server closed its output');
    return JSON.parse(line.value) as Record<string, number | string>;
  };
  const { url } = (await nextLine()) as { url: string };
  return {
    url,
    async close() {
      child.stdin.end();
      const { cpuSeconds } = (await nextLine()) as { cpuSeconds: number };
      return cpuSeconds;
    },
  };
}
