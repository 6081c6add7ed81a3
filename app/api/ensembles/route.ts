import { NextResponse } from 'next/server';
import { withApp } from '@/lib/with-app';
import { ApiError } from '@/lib/api/errors';
import { readJsonBody } from '@/lib/api/read-json-body';
import { checkMembers } from '@/lib/ensemble/check-members';
import { ensembleRequestSchema } from '@/lib/ensemble/ensemble-job';

export const dynamic = 'force-dynamic';

// POST /api/ensembles - start `npm run ensemble` on these runs: { runs: [id, …], weights?: equal|optimize, name? }
// Writes: the request guard (server/guard-request.ts) refuses a foreign Origin, and a missing token.
export const POST = withApp(async ({ app, req }) => {
  const parsed = ensembleRequestSchema.safeParse(await readJsonBody(req));
  if (!parsed.success) throw new ApiError('bad_request', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  const jobs = app.ensembles;
  if (!jobs) throw new ApiError('unprocessable', 'ensembles run only on the Tensorlens server (npm start or npm run serve)');
  checkMembers(parsed.data.runs, (id) => app.store.getRun(id));
  return NextResponse.json(jobs.start(parsed.data), { status: 202 });
});
