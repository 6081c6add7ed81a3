import { useEffect, useState } from 'react';
import { fetchJson } from '../shared/fetch-json';

export interface KeyedAnswer<T> {
  body: T | null;
  loading: boolean;
  error: string | null;
}

/**
 * The JSON at `url`, fetched again whenever `url` changes (null asks nothing). An answer for an
 * earlier url is never shown for a later one: until the later one answers, it is loading.
 */
export function useKeyedJson<T>(url: string | null): KeyedAnswer<T> {
  const [answer, setAnswer] = useState<{ url: string; body: T | null; error: string | null } | null>(null);

  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    fetchJson<T>(url, controller.signal)
      .then((body) => setAnswer({ url, body, error: null }))
      .catch((e: Error) => {
        if (!controller.signal.aborted) setAnswer({ url, body: null, error: e.message });
      });
    return () => controller.abort();
  }, [url]);

  if (url === null) return { body: null, loading: false, error: null };
  if (answer?.url !== url) return { body: null, loading: true, error: null };
  return { body: answer.body, loading: false, error: answer.error };
}
