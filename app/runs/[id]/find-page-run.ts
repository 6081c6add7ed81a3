import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { openApp } from '@/lib/app-context';
import { toWireRun, type WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import type { RunPageProps } from './run-metadata';

/** The run a page under /runs/{id} shows; an unknown id renders the not-found page instead. */
export async function findPageRun({ params }: RunPageProps): Promise<WireRunSummary> {
  await connection();
  const { id } = await params;
  const run = openApp().read.scalar.findRun(id);
  if (!run) notFound();
  return toWireRun(run);
}
