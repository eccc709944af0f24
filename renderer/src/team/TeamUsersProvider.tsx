import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { TeamUsers } from '../../../electron/core/team/methods';
import { useApi } from '../api/use-api';
import { coderColor } from './coder-colors';

interface TeamUsersValue {
  users: TeamUsers['users'];
  /** False until the current user has named themselves. */
  confirmed: boolean | undefined;
  nameOf(coderId: string): string;
  colorOf(coderId: string): string;
  /** Annotation lists colour each card by its coder instead of its highlight colour. */
  colorByCoder: boolean;
  setColorByCoder(on: boolean): void;
  reload(): void;
}

const TeamUsersContext = createContext<TeamUsersValue | undefined>(undefined);

/** Who is who in the project, for every view that shows an author. */
export function TeamUsersProvider({ children }: { children: ReactNode }) {
  const query = useApi('team.users', {});
  const [colorByCoder, setColorByCoder] = useState(false);
  const data = query.status === 'ready' ? query.data : undefined;
  const names = useMemo(() => new Map((data?.users ?? []).map((user) => [user.id, user.name])), [data]);
  // A merge or a sync brings new coders: the first time a view asks for someone unknown, the list is read again (once per id).
  const asked = useRef(new Set<string>());
  const { reload } = query;
  const nameOf = useCallback(
    (coderId: string) => {
      const name = names.get(coderId);
      if (name === undefined && data && !asked.current.has(coderId)) {
        asked.current.add(coderId);
        setTimeout(reload, 0);
      }
      return name ?? coderId;
    },
    [names, data, reload],
  );
  const value = useMemo<TeamUsersValue>(
    () => ({ users: data?.users ?? [], confirmed: data?.confirmed, nameOf, colorOf: coderColor, colorByCoder, setColorByCoder, reload: query.reload }),
    [data, nameOf, colorByCoder, query.reload],
  );
  return <TeamUsersContext.Provider value={value}>{children}</TeamUsersContext.Provider>;
}

export function useTeamUsers(): TeamUsersValue {
  const value = useContext(TeamUsersContext);
  if (!value) throw new Error('useTeamUsers needs a TeamUsersProvider above it.');
  return value;
}
