import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api';
import { AnnotationCard } from '../../annotations/AnnotationCard';
import { Loaded } from '../../components/States';
import './QuotableAnnotations.css';

/**
 * The user's annotations beside the open draft: drag one into the text to quote it with its
 * citation. The reader's sidebar cards drag the same way; this list keeps them in reach
 * while writing.
 */
export function QuotableAnnotations() {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const annotations = useApi('annotations.list', query ? { text: query } : {});
  return (
    <section className="quotable-annotations" aria-labelledby="quotable-title">
      <h2 id="quotable-title">Your annotations</h2>
      <p className="muted">Drag one into the draft to quote it with its citation.</p>
      <input type="search" className="filter-input" aria-label="Filter annotations" placeholder="Filter by quote, note or tag…" value={text} onChange={(event) => setText(event.target.value)} />
      <Loaded state={annotations}>
        {(items) =>
          items.length === 0 ? (
            <p className="muted quotable-empty">{query ? 'No annotation matches.' : 'No annotations yet: highlight passages in the Reader to quote them here.'}</p>
          ) : (
            <div className="quotable-list">
              {items.slice(0, 100).map((annotation) => (
                <AnnotationCard key={annotation.id} annotation={annotation} showDocument />
              ))}
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
