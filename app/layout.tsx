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
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            Tensorlens
          </Link>
          <nav>
            <Link href="/">Runs</Link>
            <Link href="/compare">Compare</Link>
            <Link href="/sweeps">Sweeps</Link>
          </nav>
        </header>
        <main className="content">{children}</main>
      </body>
    </html>
  );
}
