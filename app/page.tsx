import type { Metadata } from 'next';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';
import { openApp } from '@/lib/app-context';
import { RunListClient } from './page-client';

export const metadata: Metadata = { title: 'Runs' };

export default async function RunsPage() {
  // The store is synchronous, so without this the build would prerender an empty list.
  await connection();
  const runs = openApp().read.scalar.runs().map(toWireRun);
  return <RunListClient initialRuns={runs} />;
}
