import type { Metadata } from 'next';
import { ProjectorPageClient } from './page-client';
import { findPageRun } from '../find-page-run';
import { type RunPageProps, runMetadata } from '../run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props, 'projector');
}

export default async function ProjectorPage(props: RunPageProps) {
  return <ProjectorPageClient run={await findPageRun(props)} />;
}
