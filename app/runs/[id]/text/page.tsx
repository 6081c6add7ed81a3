import type { Metadata } from 'next';
import { TextPageClient } from './page-client';
import { findPageRun } from '../find-page-run';
import { type RunPageProps, runMetadata } from '../run-metadata';

export function generateMetadata(props: RunPageProps): Promise<Metadata> {
  return runMetadata(props, 'text');
}

export default async function TextPage(props: RunPageProps) {
  return <TextPageClient run={await findPageRun(props)} />;
}
