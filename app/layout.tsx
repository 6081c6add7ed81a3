import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Tensorlens', template: '%s · Tensorlens' },
  description: 'Live training runs: losses, accuracies and learning rates as they stream in.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          {/* No prefetch on any link to the app's pages: each is dynamic and reads SQLite, and a
              prefetch of every link in view (the run list, compare, sweeps, fifty run pages in a
              compare table) queues behind, and delays, the page being opened. */}
          <Link prefetch={false} href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Tensorlens
          </Link>
          <nav>
            <Link prefetch={false} href="/">Runs</Link>
            <Link prefetch={false} href="/compare">Compare</Link>
            <Link prefetch={false} href="/sweeps">Sweeps</Link>
          </nav>
        </header>
        <main className="content">{children}</main>
      </body>
    </html>
  );
}
