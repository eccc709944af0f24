import { EmptyState } from '../components/States';

export function TopicsView() {
  return (
    <section className="view" aria-labelledby="topics-title">
      <header className="view-header">
        <h1 id="topics-title">Topics</h1>
      </header>
      <EmptyState title="No topics yet">Topics are the codebook for your quotes. Coding passages to topics arrives with annotations; until then this list stays empty.</EmptyState>
    </section>
  );
}
