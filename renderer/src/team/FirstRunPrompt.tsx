import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { Modal } from '../components/Modal';
import { useTeamUsers } from './TeamUsersProvider';

/**
 * At first run the app asks who works here, offering the computer's account name: every
 * annotation, topic and draft will carry that name, and colleagues will see it.
 */
export function FirstRunPrompt() {
  const team = useTeamUsers();
  const info = useApi('app.info', {});
  const current = team.users.find((user) => user.current);
  const readOnly = info.status === 'ready' && info.data.readOnly;
  if (team.confirmed !== false || !current || readOnly || info.status !== 'ready') return null;
  return <NamePrompt defaultName={current.name} onDone={team.reload} />;
}

function NamePrompt({ defaultName, onDone }: { defaultName: string; onDone: () => void }) {
  const [name, setName] = useState(defaultName);
  const [error, setError] = useState<string>();
  const save = () => {
    api.invoke('app.setUser', { name: name.trim() || defaultName }).then(onDone, (failure: Error) => setError(failure.message));
  };
  return (
    <Modal
      title="Who is working here?"
      titleId="first-run-title"
      onCancel={save}
      onSubmit={save}
      className="first-run-dialog"
      actions={
        <button type="submit" className="primary">
          Continue
        </button>
      }
    >
      <p>Your name goes on every annotation, topic and draft you make, so that colleagues you exchange work with can see who coded what.</p>
      <label className="first-run-field">
        <span>Your name</span>
        <input type="text" autoFocus value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
      </label>
      {error ? <p role="alert">{error}</p> : null}
      <p className="muted">You can change it later in Team.</p>
    </Modal>
  );
}
