import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { openStore } from '@/lib/storage/open-store';
import { RunPageClient } from './page-client';

interface RunPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: RunPageProps): Promise<Metadata> {
  await connection();
  const { id } = await params;
  return { title: openStore().getRun(id)?.name ?? 'Run not found' };
}

export default async function RunPage({ params }: RunPageProps) {
  await connection();
  const { id } = await params;
  const store = openStore();
  const run = store.getRun(id);
  if (!run) notFound();
  const tags = store.listScalarTags(id).map((info) => info.tag);
  return <RunPageClient initialRun={toWireRun(run)} initialTags={tags} />;
}
