import type { z } from 'zod';

/** A request to the server's JSON API that did not give what was asked for; the message says why. */
export class ApiRequestError extends Error {}

/**
 * GET `path` from the Tensorlens server at `server`, checked against `schema`: the API is an edge, and a
 * server of another version may answer differently. Errors name the URL and the server's own message.
 */
export async function fetchApi<S extends z.ZodType>(server: string, path: string, schema: S): Promise<z.output<S>> {
  const url = new URL(path, server).toString();
  let response: Response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new ApiRequestError(`cannot reach the server at ${server}: ${(e as Error).cause ?? (e as Error).message}`);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
    throw new ApiRequestError(`GET ${url}: ${response.status} ${typeof message === 'string' ? message : response.statusText}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError(`GET ${url}: unexpected answer (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
