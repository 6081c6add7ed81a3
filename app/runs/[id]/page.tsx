import type { Metadata } from 'next';
import { openApp } from '@/lib/app-context';
import { findPageRun } from './find-page-run';
import { RunPageClient } from './page-client';
import { type RunPageProps, runMetadata } from './run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props);
}

export default async function RunPage(props: RunPageProps) {
  const run = await findPageRun(props);
  const tags = openApp().read.scalar.tags(run.id).map((info) => info.tag);
  return <RunPageClient initialRun={run} initialTags={tags} />;
}
