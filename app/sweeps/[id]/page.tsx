import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { openApp } from '@/lib/app-context';
import { toWireRun } from '@/lib/kinds/scalar/run-summary';
import type { WireSweep } from '@/lib/kinds/sweep/meta';
import { SweepPageClient } from './page-client';

interface SweepPageProps {
  params: Promise<{ id: string }>;
}

function findSweep(id: string): WireSweep | null {
  const app = openApp();
  return app.store.getRun(id) && app.tables.sweep.definition(id) ? app.read.sweep.get(id) : null;
}

export async function generateMetadata({ params }: SweepPageProps): Promise<Metadata> {
  await connection();
  const sweep = findSweep((await params).id);
  return { title: sweep ? `${sweep.name} · sweep` : 'Sweep not found' };
}

export default async function SweepPage({ params }: SweepPageProps) {
  await connection();
  const sweep = findSweep((await params).id);
  if (!sweep) notFound();
  const app = openApp();
  const trialRuns = sweep.trials.flatMap((trial) => app.read.scalar.findRun(trial.runId) ?? []).map(toWireRun);
  return <SweepPageClient initialSweep={sweep} initialTrialRuns={trialRuns} />;
}
