import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from './guard-request';
import { isPageLoad } from './page-load';

/** Longest an API read waits for pages: a page renders in well under this. */
export const MAX_READ_WAIT_MS = 1_000;

function isApiRead(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.url ?? '').startsWith('/api/');
}

/**
 * Answers API reads after the pages being sent, as a browser's own priorities would have it. A
 * page's render preloads its first reads (the compare page: a read of fifty runs per chart), the
 * browser asks for them while it parses the page's head, and each read holds this one thread:
 * answered first, four reads held the page's tail, which hydration waits for, back by 400 ms. A
 * read waits at most MAX_READ_WAIT_MS.
 */
export function pagesFirst(handle: RequestHandler, maxWaitMs = MAX_READ_WAIT_MS): RequestHandler {
  let sending = 0;
  let waiting: (() => void)[] = [];
  const pageDone = () => {
    if (--sending > 0) return;
    const ready = waiting;
    waiting = [];
    for (const go of ready) go();
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    if (isPageLoad(req)) {
      sending++;
      // 'close' comes once, whether the page was sent whole or its connection dropped.
      res.once('close', pageDone);
      return handle(req, res);
    }
    if (sending === 0 || !isApiRead(req)) return handle(req, res);
    let gone = false;
    const go = () => {
      if (gone) return;
      gone = true;
      clearTimeout(timer);
      handle(req, res);
    };
    const timer = setTimeout(go, maxWaitMs);
    waiting.push(go);
  };
}
