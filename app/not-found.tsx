import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="empty">
      <h2>Not found</h2>
      <p>No run or page matches this address. A run logged to another database file shows only on a server started with that file.</p>
      <p>
        <Link prefetch={false} href="/">Back to all runs</Link>
      </p>
    </div>
  );
}
