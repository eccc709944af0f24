import type { ReactNode } from 'react';
import type { QueryState } from '../api/use-api';
import './States.css';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <h2>{title}</h2>
      {children ? <div className="empty-state-body">{children}</div> : null}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div className="error-state" role="alert">
      <h2>Something went wrong</h2>
      <p>{error.message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Renders loading, error or the data, so every view handles all three the same way. */
export function Loaded<T>({ state, children }: { state: QueryState<T> & { reload?: () => void }; children: (data: T) => ReactNode }) {
  if (state.status === 'loading') return <div className="loading" aria-busy="true">Loading…</div>;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={state.reload} />;
  return <>{children(state.data)}</>;
}
