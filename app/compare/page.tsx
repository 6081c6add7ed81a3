import type { Metadata } from 'next';
import { connection } from 'next/server';
import { preload } from 'react-dom';
import { openApp } from '@/lib/app-context';
import { readCompareState } from '@/lib/compare/url-state';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';
import { firstReadUrls } from '@/lib/view/compare/tag-reads';
import { ComparePageClient } from './page-client';

export const metadata: Metadata = { title: 'Compare runs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComparePage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) params.append(key, v);
  const app = openApp();
  const state = readCompareState(params);
  const runs = state.runs.flatMap((id) => app.read.scalar.findRun(id) ?? []);
  const tags = Object.fromEntries(runs.map((run) => [run.id, app.read.scalar.tags(run.id).map((info) => info.tag)]));
  // The browser fetches the charts' first reads while it loads and hydrates the page, rather than after.
  if (state.view === 'charts') {
    for (const url of firstReadUrls(runs.map((run) => run.id), (id) => tags[id])) preload(url, { as: 'fetch', crossOrigin: 'anonymous' });
  }
  return <ComparePageClient initialSearch={params.toString()} initialRuns={runs.map(toWireRun)} initialTags={tags} />;
}
