import { ApiError } from './errors';

/** A request body that is not JSON is the caller's mistake (400), not a server error. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('bad_request', 'the request body must be JSON');
  }
}
