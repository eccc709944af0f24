import { useState } from 'react';
import type { CSSProperties } from 'react';
import type { TopicSummary } from '../../../../electron/core/api/methods/annotations';
import { useApi } from '../../api/use-api';
import { EmptyState, Loaded } from '../../components/States';
import { CaseFilter, caseFilterArgs, type CaseFilterValue } from '../../interviews/CaseFilter';
import { QuoteList } from './QuoteList';
import './CooccurrenceHeatmap.css';

/**
 * Which topics are coded together: cell (i, j) counts the quotes carrying both; the
 * diagonal is each topic's own count. A cell opens the quotes coded with both.
 */
export function CooccurrenceHeatmap({ topics }: { topics: TopicSummary[] }) {
  const [narrow, setNarrow] = useState<CaseFilterValue>({});
  const matrix = useApi('topics.cooccurrence', caseFilterArgs(narrow), { keepPrevious: true });
  const [pair, setPair] = useState<[string, string]>();
  const names = new Map(topics.map((topic) => [topic.id, { path: topic.path, color: topic.color }]));
  // The diagonal (a topic with itself) would dwarf every pair, so shades scale to the pairs only.
  const offDiagonalMax = matrix.status === 'ready' ? Math.max(0, ...matrix.data.counts.flatMap((row, i) => row.filter((_, j) => j !== i))) : 0;
  return (
    <Loaded state={matrix}>
      {(data) =>
        data.topics.length < 2 ? (
          <EmptyState title="Not enough topics">Co-occurrence needs at least two topics in the codebook.</EmptyState>
        ) : (
          <div className="heatmap-view">
            <header>
              <p className="eyebrow">Co-occurrence</p>
              <h2 className="heatmap-title">Which topics are coded together</h2>
              <p className="muted">Each cell counts the quotes coded with both topics; the darker, the more. The diagonal is each topic’s own count.</p>
              <CaseFilter value={narrow} onChange={setNarrow} />
            </header>
            <div className="heatmap-scroll">
              <table className="heatmap" aria-label="Topic co-occurrence">
                <thead>
                  <tr>
                    <th scope="col" className="heatmap-corner">
                      <span className="muted">Quotes coded with both</span>
                    </th>
                    {data.topics.map((topic, index) => (
                      <th key={topic.id} scope="col" title={topic.path} className="heatmap-column">
                        {index + 1}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.topics.map((row, i) => (
                    <tr key={row.id}>
                      <th scope="row" className="heatmap-row" title={row.path}>
                        <span className="heatmap-index">{i + 1}</span>
                        <span className="topic-dot" style={{ background: row.color }} aria-hidden="true" />
                        {row.path}
                      </th>
                      {data.topics.map((column, j) => {
                        const count = data.counts[i]![j]!;
                        const strength = i === j || offDiagonalMax === 0 ? 0 : count / offDiagonalMax;
                        const style = { '--strength': `${Math.round(strength * 100)}%` } as CSSProperties;
                        const label = i === j ? `${row.path}: ${count} quotes` : `${row.path} and ${column.path}: ${count} quotes`;
                        const selected = pair && pair[0] === row.id && pair[1] === column.id;
                        return (
                          <td key={column.id} className={`heatmap-cell${i === j ? ' is-diagonal' : ''}${count === 0 ? ' is-zero' : ''}${strength >= 0.5 ? ' is-strong' : ''}`} style={style}>
                            {i !== j && count > 0 ? (
                              <button type="button" aria-label={label} title={label} aria-pressed={Boolean(selected)} onClick={() => setPair([row.id, column.id])}>
                                {count}
                              </button>
                            ) : (
                              <span title={label}>{count}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pair ? <PairQuotes pair={pair} names={names} narrow={narrow} /> : <p className="muted heatmap-hint">Choose a cell to read the quotes coded with both topics.</p>}
          </div>
        )
      }
    </Loaded>
  );
}

function PairQuotes({ pair, names, narrow }: { pair: [string, string]; names: Map<string, { path: string; color: string }>; narrow: CaseFilterValue }) {
  // The same speaker or attribute as the counts, so the list has as many quotes as the cell says.
  const quotes = useApi('topics.pairQuotes', { topicA: pair[0], topicB: pair[1], ...caseFilterArgs(narrow) });
  return (
    <section className="pair-quotes" aria-label="Quotes coded with both topics">
      <h3>
        “{names.get(pair[0])?.path}” and “{names.get(pair[1])?.path}”
      </h3>
      <Loaded state={quotes}>{(items) => <QuoteList quotes={items} topicNames={names} />}</Loaded>
    </section>
  );
}
