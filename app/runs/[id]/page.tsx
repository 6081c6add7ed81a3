import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';
import { openApp } from '@/lib/app-context';
import { RunPageClient } from './page-client';
import { type RunPageProps, runMetadata } from './run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props);
}

export default async function RunPage({ params }: RunPageProps) {
  await connection();
  const { id } = await params;
  const app = openApp();
  const run = app.read.scalar.findRun(id);
  if (!run) notFound();
  const tags = app.read.scalar.tags(id).map((info) => info.tag);
  return <RunPageClient initialRun={toWireRun(run)} initialTags={tags} />;
}
