import { withApp } from '@/lib/with-app';
import { imageQuerySchema } from '@/lib/kinds/image/reader';

export const dynamic = 'force-dynamic';

// GET /api/runs/{id}/image?tag=&step=&sample= - one image's bytes, with its content type
export const GET = withApp<{ id: string }>(({ app, params, searchParams }) => {
  const { tag, step, sample } = imageQuerySchema.parse(Object.fromEntries(searchParams));
  const { contentType, data } = app.read.image.data(params.id, tag, step, sample);
  // A step logged again gets a new URL from the page (its wall time rides along), so a cached copy is never stale for long.
  return new Response(new Uint8Array(data), { headers: { 'content-type': contentType, 'cache-control': 'private, max-age=60', 'x-content-type-options': 'nosniff' } });
});
