import type { Metadata } from 'next';
import { connection } from 'next/server';
import { openApp } from '@/lib/app-context';

export interface RunPageProps {
  params: Promise<{ id: string }>;
}

/** The browser tab names the run, and the view when it is not the run's main page. */
export async function runMetadata({ params }: RunPageProps, view?: string): Promise<Metadata> {
  await connection();
  const { id } = await params;
  const name = openApp().store.getRun(id)?.name;
  if (!name) return { title: 'Run not found' };
  return { title: view ? `${name} · ${view}` : name };
}
