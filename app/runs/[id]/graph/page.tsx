import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { findGraph } from '@/lib/kinds/graph/reader';
import { openStore } from '@/lib/storage/open-store';
import { GraphPageClient } from './page-client';

interface GraphPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: GraphPageProps): Promise<Metadata> {
  await connection();
  const { id } = await params;
  const name = openStore().getRun(id)?.name;
  return { title: name ? `${name} · graph` : 'Run not found' };
}

export default async function GraphPage({ params }: GraphPageProps) {
  await connection();
  const { id } = await params;
  const store = openStore();
  const run = store.getRun(id);
  if (!run) notFound();
  return <GraphPageClient run={toWireRun(run)} initialGraph={findGraph(store, id)} />;
}
