import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useTeamUsers } from './TeamUsersProvider';

/** Everyone who has written to the project; the current user can change their name. */
export function TeamMembers() {
  const team = useTeamUsers();
  const current = team.users.find((user) => user.current);
  const [name, setName] = useState<string>();
  const [message, setMessage] = useState<string>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name?.trim()) return;
    api.invoke('app.setUser', { name: name.trim() }).then(
      (user) => {
        setMessage(`From now on you write as ${user.name}.`);
        setName(undefined);
        team.reload();
      },
      (error: Error) => setMessage(error.message),
    );
  };
  return (
    <div className="team-section">
      <h2>People in this project</h2>
      <p className="muted">Everyone whose work is in this workspace, yours or merged from a colleague’s exchange bundle. Colour annotations by coder from any annotation list.</p>
      <ul className="team-people">
        {team.users.map((user) => (
          <li key={user.id}>
            <span className="coder-swatch" style={{ background: team.colorOf(user.id) }} aria-hidden="true" />
            <span className="team-person-name">{user.name}</span>
            <code className="muted">{user.id}</code>
            {user.current ? <span className="chip">you</span> : null}
          </li>
        ))}
      </ul>
      {current ? (
        <form className="team-rename" onSubmit={save}>
          <label htmlFor="team-own-name">Your name</label>
          <input id="team-own-name" type="text" value={name ?? current.name} maxLength={200} onChange={(event) => setName(event.target.value)} />
          <button type="submit" disabled={name === undefined || !name.trim() || name.trim() === current.name}>
            Save
          </button>
        </form>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <h2>Exchanging work</h2>
      <p className="muted">
        Send a colleague your work with <code>workbench exchange export --out FILE</code> and bring theirs in with <code>workbench exchange merge FILE</code>. Or sync through the team’s server (Sync). Edits made on both sides appear under Conflicts.
      </p>
    </div>
  );
}
