import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { openStore } from '@/lib/storage/open-store';
import { ProjectorPageClient } from './page-client';
import { type RunPageProps, runMetadata } from '../run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props, 'projector');
}

export default async function ProjectorPage({ params }: RunPageProps) {
  await connection();
  const { id } = await params;
  const run = openStore().getRun(id);
  if (!run) notFound();
  return <ProjectorPageClient run={toWireRun(run)} />;
}
