import { useState } from 'react';
import type { TopicAgreement } from '../../../electron/core/team/methods';
import { passageHref, routeHref, type Route } from '../app/routes';
import { useApi } from '../api/use-api';
import { EmptyState, Loaded } from '../components/States';
import { useTeamUsers } from './TeamUsersProvider';

const kappaText = (kappa: number | null) => (kappa === null ? '—' : kappa.toFixed(3));

/**
 * Cohen's kappa between two coders per topic, with the counts behind it; a topic's row opens
 * the passages they disagree on, each a link to the passage in the reader.
 */
export function AgreementTable({ route }: { route: Route }) {
  const team = useTeamUsers();
  const coders = team.users.filter((user) => user.id);
  const [a, setA] = useState<string>();
  const [b, setB] = useState<string>();
  const first = a ?? coders[0]?.id;
  const second = b ?? coders.find((user) => user.id !== first)?.id;
  if (coders.length < 2 || !first || !second) {
    return (
      <div className="team-section">
        <h2>Inter-coder agreement</h2>
        <EmptyState title="One coder so far">
          <p>Agreement compares two coders. Merge a colleague’s exchange bundle and their coding appears here beside yours.</p>
        </EmptyState>
      </div>
    );
  }
  const open = route.query.get('topic') ?? undefined;
  // In the address, so a link to the disagreements keeps the choice.
  const includeSubtopics = route.query.get('subtopics') === '1';
  return (
    <div className="team-section">
      <h2>Inter-coder agreement</h2>
      <p className="muted">
        Cohen’s kappa over passages: a passage counts as coded with a topic by a coder when any of that coder’s quotes in it carries the topic
        {includeSubtopics ? ' or a topic below it' : ''}. Every passage of the documents either coder annotated counts.
      </p>
      <div className="agreement-coders">
        <CoderSelect label="First coder" value={first} onChange={setA} />
        <CoderSelect label="Second coder" value={second} onChange={setB} />
        <label className="agreement-subtopics" title="A quote coded with a subtopic counts for every topic above it too">
          <input
            type="checkbox"
            checked={includeSubtopics}
            onChange={(event) => {
              window.location.hash = routeHref('team', ['agreement'], { ...(open ? { topic: open } : {}), ...(event.target.checked ? { subtopics: '1' } : {}) });
            }}
          />
          <span>Include subtopics</span>
        </label>
      </div>
      {first === second ? <p role="alert">Choose two different coders.</p> : <Report coders={[first, second]} open={open} includeSubtopics={includeSubtopics} />}
    </div>
  );
}

function CoderSelect({ label, value, onChange }: { label: string; value: string; onChange: (id: string) => void }) {
  const team = useTeamUsers();
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {team.users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Report({ coders, open, includeSubtopics }: { coders: [string, string]; open: string | undefined; includeSubtopics: boolean }) {
  const team = useTeamUsers();
  const report = useApi('team.agreement', { coders, ...(includeSubtopics ? { includeSubtopics } : {}) });
  const [nameA, nameB] = coders.map((coder) => team.nameOf(coder)) as [string, string];
  return (
    <Loaded state={report}>
      {(data) =>
        data.topics.length === 0 ? (
          <EmptyState title="Nothing coded yet">
            <p>Neither coder has coded a quote with a topic.</p>
          </EmptyState>
        ) : (
          <div className="agreement-table-wrap">
            <table className="agreement-table">
              <caption className="muted">
                {data.documents.length} document{data.documents.length === 1 ? '' : 's'}, {data.overall.passages / data.topics.length} passages each topic
              </caption>
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Kappa</th>
                  <th scope="col">Both</th>
                  <th scope="col">Only {nameA}</th>
                  <th scope="col">Only {nameB}</th>
                  <th scope="col">Neither</th>
                  <th scope="col" title="The share of passages both treated alike, and the share expected by chance">
                    Observed / chance
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.topics.map((topic) => (
                  <TopicRows key={topic.topicId} topic={topic} open={open === topic.topicId} names={[nameA, nameB]} coders={coders} includeSubtopics={includeSubtopics} />
                ))}
                <tr className="agreement-overall">
                  <th scope="row">All topics</th>
                  <td>{kappaText(data.overall.kappa)}</td>
                  <td>{data.overall.both}</td>
                  <td>{data.overall.onlyA}</td>
                  <td>{data.overall.onlyB}</td>
                  <td>{data.overall.neither}</td>
                  <td>
                    {data.overall.observed.toFixed(3)} / {data.overall.expected.toFixed(3)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )
      }
    </Loaded>
  );
}

function TopicRows({ topic, open, names, coders, includeSubtopics }: { topic: TopicAgreement; open: boolean; names: [string, string]; coders: [string, string]; includeSubtopics: boolean }) {
  const disagreements = topic.onlyA + topic.onlyB;
  return (
    <>
      <tr data-topic-id={topic.topicId}>
        <th scope="row">
          <span className="agreement-topic">{topic.topicPath}</span>
          {disagreements > 0 ? (
            <a className="agreement-open" href={routeHref('team', ['agreement'], { ...(open ? {} : { topic: topic.topicId }), ...(includeSubtopics ? { subtopics: '1' } : {}) })} aria-expanded={open}>
              {open ? 'Hide the passages' : `${disagreements} disagreement${disagreements === 1 ? '' : 's'}`}
            </a>
          ) : null}
        </th>
        <td>{kappaText(topic.kappa)}</td>
        <td>{topic.both}</td>
        <td>{topic.onlyA}</td>
        <td>{topic.onlyB}</td>
        <td>{topic.neither}</td>
        <td>
          {topic.observed.toFixed(3)} / {topic.expected.toFixed(3)}
        </td>
      </tr>
      {open ? (
        <tr className="agreement-disagreements">
          <td colSpan={7}>
            <ul>
              {topic.disagreements.map((passage) => (
                <li key={passage.passageId}>
                  <a href={passageHref(passage.docId, passage.passageId)}>{passage.text}</a>
                  <span className="muted"> · coded by {passage.codedBy === coders[0] ? names[0] : names[1]} only</span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
    </>
  );
}
