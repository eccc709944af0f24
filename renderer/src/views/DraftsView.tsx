import { EmptyState } from '../components/States';

export function DraftsView() {
  return (
    <section className="view" aria-labelledby="drafts-title">
      <header className="view-header">
        <h1 id="drafts-title">Drafts</h1>
      </header>
      <EmptyState title="No drafts yet">Drafting papers with linked citations is not available in this version yet.</EmptyState>
    </section>
  );
}
