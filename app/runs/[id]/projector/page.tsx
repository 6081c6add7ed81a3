import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';
import { openApp } from '@/lib/app-context';
import { ProjectorPageClient } from './page-client';
import { type RunPageProps, runMetadata } from '../run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props, 'projector');
}

export default async function ProjectorPage({ params }: RunPageProps) {
  await connection();
  const { id } = await params;
  const run = openApp().read.scalar.findRun(id);
  if (!run) notFound();
  return <ProjectorPageClient run={toWireRun(run)} />;
}
