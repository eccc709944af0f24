import { useApi } from '../api/use-api';
import { routeHref } from '../app/routes';
import { useRoute } from '../app/use-route';
import { EmptyState, Loaded } from '../components/States';
import { useUndoShortcuts } from '../annotations/use-undo-shortcuts';
import { CodebookTree } from './topics/CodebookTree';
import { CooccurrenceHeatmap } from './topics/CooccurrenceHeatmap';
import { TopicPage } from './topics/TopicPage';
import { ExportMenu } from './topics/ExportMenu';

/** Reserved path segment for the heatmap: topic ids always start with "topic-". */
const cooccurrencePath = 'cooccurrence';

/** The codebook, a topic's quotes, and which topics co-occur. */
export function TopicsView() {
  const route = useRoute();
  const selected = route.params[0];
  const topics = useApi('topics.list', {});
  useUndoShortcuts();
  const showHeatmap = selected === cooccurrencePath;
  const all = topics.status === 'ready' ? topics.data : [];
  return (
    <section className="view split-view topics-view" aria-labelledby="topics-title">
      <div className="split-list">
        <header className="view-header">
          <h1 id="topics-title">Topics</h1>
          <div className="segmented" role="group" aria-label="Topics view">
            <a href={routeHref('topics')} aria-pressed={!showHeatmap}>
              Codebook
            </a>
            <a href={routeHref('topics', [cooccurrencePath])} aria-pressed={showHeatmap}>
              Co-occurrence
            </a>
          </div>
          <ExportMenu />
        </header>
        <Loaded state={topics}>{(items) => <CodebookTree topics={items} selectedId={showHeatmap ? undefined : selected} />}</Loaded>
      </div>
      <div className="split-detail">
        {showHeatmap ? (
          <CooccurrenceHeatmap topics={all} />
        ) : selected ? (
          <TopicPage key={selected} topicId={selected} topics={all} />
        ) : (
          <EmptyState title="Choose a topic">Pick a topic to read every quote coded with it, or open the co-occurrence heatmap.</EmptyState>
        )}
      </div>
    </section>
  );
}
