import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CommandPalette } from './CommandPalette';
import { Notices } from './Notices';
import { Sidebar } from './Sidebar';
import { ShortcutHelp } from './ShortcutHelp';
import { useGlobalShortcuts } from './use-shortcuts';
import { useRoute } from './use-route';
import { views } from './routes';
import { LibraryView } from '../views/LibraryView';
import { ReaderView } from '../views/ReaderView';
import { EntitiesView } from '../views/EntitiesView';
import { RecommendationsView } from '../views/RecommendationsView';
import { TopicsView } from '../views/TopicsView';
import { DraftsView } from '../views/DraftsView';
import { SearchView } from '../views/SearchView';
import { EvidenceView } from '../views/evidence/EvidenceView';
import { AnnotationsView } from '../views/AnnotationsView';
import { TeamView } from '../views/TeamView';
import { TeamUsersProvider } from '../team/TeamUsersProvider';
import { FirstRunPrompt } from '../team/FirstRunPrompt';
import { ImportProvider } from '../import/ImportProvider';
import { useUndoShortcuts } from '../annotations/use-undo-shortcuts';
import './App.css';

export function App() {
  const route = useRoute();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useGlobalShortcuts(openPalette, openHelp);
  // Undo and redo of coding edits work from every view (text fields keep their own undo).
  useUndoShortcuts();
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    const label = views.find((view) => view.name === route.view)?.label ?? '';
    document.title = `${label} · Field Workbench`;
  }, [route.view]);

  // Another view opens at its top, not scrolled as far as the one left was.
  useLayoutEffect(() => {
    main.current?.scrollTo({ top: 0 });
  }, [route.view]);

  return (
    <ImportProvider>
      <TeamUsersProvider>
      <div className="app">
        <Sidebar current={route.view} onOpenPalette={openPalette} onOpenHelp={openHelp} />
        <main ref={main} className="main" id="main" data-view={route.view}>
          <Notices />
          {route.view === 'library' && <LibraryView />}
          {route.view === 'reader' && <ReaderView route={route} />}
          {route.view === 'entities' && <EntitiesView route={route} />}
          {route.view === 'recommendations' && <RecommendationsView route={route} />}
          {route.view === 'topics' && <TopicsView />}
          {route.view === 'drafts' && <DraftsView />}
          {route.view === 'search' && <SearchView route={route} />}
          {route.view === 'evidence' && <EvidenceView route={route} />}
          {route.view === 'annotations' && <AnnotationsView />}
          {route.view === 'team' && <TeamView route={route} />}
        </main>
        <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} onOpenHelp={openHelp} />
        {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
        <FirstRunPrompt />
      </div>
      </TeamUsersProvider>
    </ImportProvider>
  );
}
