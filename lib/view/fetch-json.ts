/** API errors come as `{ error: { code, message } }`; the message is meant for people. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `${url} answered ${response.status}`);
  }
  return (await response.json()) as T;
}
