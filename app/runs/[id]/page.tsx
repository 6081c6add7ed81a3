import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { openStore } from '@/lib/storage/open-store';
import { RunPageClient } from './page-client';
import { type RunPageProps, runMetadata } from './run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props);
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
