import { useState } from 'react';
import './PdfPasswordPrompt.css';

/**
 * The PDF of an encrypted document is stored as it came, so the reader needs its password
 * to draw it (the text view works without). Nothing is stored: it is asked each time.
 */
export function PdfPasswordPrompt({ incorrect, onSubmit }: { incorrect: boolean; onSubmit: (password: string) => void }) {
  const [password, setPassword] = useState('');
  return (
    <form
      className="pdf-password-prompt"
      aria-label="PDF password"
      onSubmit={(event) => {
        event.preventDefault();
        if (password) onSubmit(password);
        setPassword('');
      }}
    >
      <h2>This PDF is protected by a password</h2>
      <p className="muted">Enter it to show the pages. The text view beside works without it.</p>
      {incorrect ? (
        <p role="alert" className="pdf-password-error">
          That password is not correct. Try again.
        </p>
      ) : null}
      <label>
        <span>Password</span>
        <input type="password" autoFocus value={password} onChange={(event) => setPassword(event.target.value)} />
      </label>
      <button type="submit" disabled={!password}>
        Open
      </button>
    </form>
  );
}
