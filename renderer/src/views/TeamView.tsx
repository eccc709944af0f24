import { routeHref } from '../app/routes';
import type { Route } from '../app/routes';
import { ConflictList } from '../team/ConflictList';
import { AgreementTable } from '../team/AgreementTable';
import { TeamMembers } from '../team/TeamMembers';
import { SyncPanel } from '../team/SyncPanel';
import { ExchangePanel } from '../team/ExchangePanel';
import '../styles/team.css';

const tabs = [
  { path: 'people', label: 'People' },
  { path: 'exchange', label: 'Exchange' },
  { path: 'conflicts', label: 'Conflicts' },
  { path: 'agreement', label: 'Agreement' },
  { path: 'sync', label: 'Sync' },
] as const;

/** Working as a team: who is who, bundles exchanged offline, conflicts to choose from, inter-coder agreement, sync. */
export function TeamView({ route }: { route: Route }) {
  const tab = tabs.find((candidate) => candidate.path === route.params[0])?.path ?? 'people';
  return (
    <section className="view team-view" aria-labelledby="team-title">
      <header className="view-header">
        <h1 id="team-title">Team</h1>
        <nav className="segmented" aria-label="Team sections">
          {tabs.map((candidate) => (
            <a key={candidate.path} href={routeHref('team', [candidate.path])} aria-current={tab === candidate.path ? 'page' : undefined}>
              {candidate.label}
            </a>
          ))}
        </nav>
      </header>
      <div className="team-body">
        {tab === 'people' && <TeamMembers />}
        {tab === 'exchange' && <ExchangePanel />}
        {tab === 'conflicts' && <ConflictList />}
        {tab === 'agreement' && <AgreementTable route={route} />}
        {tab === 'sync' && <SyncPanel />}
      </div>
    </section>
  );
}
