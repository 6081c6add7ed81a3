import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="empty">
      <h2>Not found</h2>
      <p>There is no such run here. It may live in another database file.</p>
      <p>
        <Link href="/">Back to all runs</Link>
      </p>
    </div>
  );
}
