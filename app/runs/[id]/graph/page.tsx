import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { findGraph } from '@/lib/kinds/graph/reader';
import { openStore } from '@/lib/storage/open-store';
import { GraphPageClient } from './page-client';
import { type RunPageProps, runMetadata } from '../run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props, 'graph');
}

export default async function GraphPage({ params }: RunPageProps) {
  await connection();
  const { id } = await params;
  const store = openStore();
  const run = store.getRun(id);
  if (!run) notFound();
  return <GraphPageClient run={toWireRun(run)} initialGraph={findGraph(store, id)} />;
}
