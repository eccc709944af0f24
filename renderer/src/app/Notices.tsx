import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { StoreNotice } from '../../../electron/core/store/notices';
import './Notices.css';

/**
 * Tells the user what the store had to do: on open (a damaged file restored from backup, a
 * migration) and during the session (a torn write another program left, set aside).
 */
export function Notices() {
  const [notices, setNotices] = useState<StoreNotice[]>([]);
  useEffect(() => {
    void api.invoke('app.notices', {}).then(setNotices, () => setNotices([]));
    return api.subscribe('app.notice', (notice) => setNotices((all) => [...all, notice]));
  }, []);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert">
      {notices.map((notice) => (
        <div key={`${notice.kind}-${notice.collection}-${notice.at}`} className={`notice notice-${notice.kind}`}>
          <p>{notice.message}</p>
          <button type="button" onClick={() => setNotices((all) => all.filter((item) => item !== notice))}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
