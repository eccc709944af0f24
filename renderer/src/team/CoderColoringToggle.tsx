import { useTeamUsers } from './TeamUsersProvider';
import '../styles/team.css';

/** Colours each annotation card by who coded it, for lists with more than one coder. */
export function CoderColoringToggle() {
  const team = useTeamUsers();
  return (
    <label className="color-by-coder">
      <input type="checkbox" checked={team.colorByCoder} onChange={(event) => team.setColorByCoder(event.target.checked)} />
      Colour by coder
    </label>
  );
}
