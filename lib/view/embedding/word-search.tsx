import { useState } from 'react';

export interface WordSearchProps {
  onSearch: (query: string) => void;
  /** Why the last search found nothing, or null. */
  message: string | null;
}

export function WordSearch({ onSearch, message }: WordSearchProps) {
  const [query, setQuery] = useState('');
  return (
    <form
      className="projector-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(query);
      }}
    >
      <input type="search" name="word" placeholder="Search a word" aria-label="Search a word" value={query} onChange={(e) => setQuery(e.target.value)} />
      <button type="submit">Find</button>
      {message && (
        <p className="projector-search-message" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
