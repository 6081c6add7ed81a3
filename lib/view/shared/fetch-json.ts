/** API errors come as `{ error: { code, message } }`; the message is meant for people. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: 'no-store' });
  await throwUnlessOk(response, url);
  return (await response.json()) as T;
}

/** A binary answer's bytes; errors still come as JSON. */
export async function fetchBytes(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetch(url, { signal, cache: 'no-store' });
  await throwUnlessOk(response, url);
  return response.arrayBuffer();
}

/** As fetchJson, but a 404 is null: for data a run may not have sent yet. */
export async function fetchJsonOrNull<T>(url: string, signal?: AbortSignal): Promise<T | null> {
  const response = await fetch(url, { signal, cache: 'no-store' });
  if (response.status === 404) return null;
  await throwUnlessOk(response, url);
  return (await response.json()) as T;
}

/** A write (PATCH, DELETE, …) with a JSON body; the answer's JSON, or the API's error message thrown. */
export async function sendJson<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    cache: 'no-store',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await throwUnlessOk(response, url);
  return (await response.json()) as T;
}

async function throwUnlessOk(response: Response, url: string): Promise<void> {
  if (response.ok) return;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(body?.error?.message ?? `${url} answered ${response.status}`);
}
