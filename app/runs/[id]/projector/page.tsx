import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/api/wire-run';
import { openStore } from '@/lib/storage/open-store';
import { ProjectorPageClient } from './page-client';

interface ProjectorPageProps {
  params: Promise<{ id: string }>;
}

export async function generateMetadata({ params }: ProjectorPageProps): Promise<Metadata> {
  await connection();
  const { id } = await params;
  const name = openStore().getRun(id)?.name;
  return { title: name ? `${name} · projector` : 'Run not found' };
}

export default async function ProjectorPage({ params }: ProjectorPageProps) {
  await connection();
  const { id } = await params;
  const run = openStore().getRun(id);
  if (!run) notFound();
  return <ProjectorPageClient run={toWireRun(run)} />;
}
