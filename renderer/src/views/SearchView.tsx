import type { Route } from '../app/routes';
import { EmptyState } from '../components/States';

export function SearchView({ route }: { route: Route }) {
  const query = route.query.get('q') ?? '';
  return (
    <section className="view" aria-labelledby="search-title">
      <header className="view-header">
        <h1 id="search-title">Search</h1>
      </header>
      <EmptyState title="Search is not available yet">{query ? `Your query “${query}” will work once search lands.` : 'Full-text search over papers, footnotes and entities arrives in a later version.'}</EmptyState>
    </section>
  );
}
