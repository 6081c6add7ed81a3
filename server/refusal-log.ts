import type { Log } from './attach-sockets';

/** Lines logged in full per connection; after them, one summary line per SUMMARY_EVERY refusals. */
const FULL_LINES = 10;
const SUMMARY_EVERY = 1000;
const MAX_LINE_CHARS = 300;

/**
 * Makes text from a client safe for one log line: control characters (a newline forging a log
 * line, an escape sequence recolouring a terminal) become \uXXXX, and long text is cut.
 */
export function escapeForLog(text: string, max = MAX_LINE_CHARS): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max)}… (${escaped.length} chars)` : escaped;
}

/**
 * The log of one connection's refused messages. A client that sends garbage in a loop gets its
 * first refusals logged in full and then a count now and then, never a line per message.
 */
export class RefusalLog {
  private total = 0;
  private unlogged = 0;

  constructor(
    private readonly peer: string,
    private readonly log: Log,
  ) {}

  refused(code: string, message: string): void {
    this.total++;
    const line = `[${code}] ${escapeForLog(message)}`;
    if (this.total <= FULL_LINES) {
      this.log(`ingest error from ${this.peer}: ${line}${this.total === FULL_LINES ? ` (further refusals from this connection are counted, not logged)` : ''}`);
      return;
    }
    if (++this.unlogged < SUMMARY_EVERY) return;
    this.summarise(`latest ${line}`);
  }

  closed(): void {
    if (this.unlogged > 0) this.summarise('connection closed');
  }

  private summarise(note: string): void {
    this.log(`ingest errors from ${this.peer}: ${this.unlogged} more refused, ${this.total} in all; ${note}`);
    this.unlogged = 0;
  }
}
