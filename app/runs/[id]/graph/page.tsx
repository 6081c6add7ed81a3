import type { Metadata } from 'next';
import { openApp } from '@/lib/app-context';
import { GraphPageClient } from './page-client';
import { findPageRun } from '../find-page-run';
import { type RunPageProps, runMetadata } from '../run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props, 'graph');
}

export default async function GraphPage(props: RunPageProps) {
  const run = await findPageRun(props);
  const app = openApp();
  return <GraphPageClient run={run} initialGraph={app.read.graph.find(run.id)} initialOpGraph={app.read['op-graph'].find(run.id)} />;
}
