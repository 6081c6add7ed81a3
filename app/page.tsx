import type { Metadata } from 'next';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { openStore } from '@/lib/storage/open-store';
import { RunListClient } from './page-client';

export const metadata: Metadata = { title: 'Runs' };

export default async function RunsPage() {
  // The store is synchronous, so without this the build would prerender an empty list.
  await connection();
  const runs = openStore().listRuns().map(toWireRun);
  return <RunListClient initialRuns={runs} />;
}
