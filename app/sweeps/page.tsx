import type { Metadata } from 'next';
import { connection } from 'next/server';
import { openApp } from '@/lib/app-context';
import { SweepList } from '@/lib/view/sweep/sweep-list';
import '@/lib/view/run/run-list.css';

export const metadata: Metadata = { title: 'Sweeps' };

export default async function SweepsPage() {
  await connection();
  const sweeps = openApp().read.sweep.list();
  return (
    <section>
      <div className="page-title">
        <h1>Sweeps</h1>
        <span className="muted">{sweeps.length === 1 ? '1 sweep' : `${sweeps.length} sweeps`}</span>
      </div>
      <SweepList sweeps={sweeps} />
    </section>
  );
}
