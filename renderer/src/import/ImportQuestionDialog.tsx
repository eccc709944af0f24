import { useId, useState } from 'react';
import { Modal } from '../components/Modal';
import type { DuplicateAnswer, ImportQuestion, PasswordAnswer } from './import-job';

/** Asks what an import needs to go on: the PDF's password, or what to do with a duplicate. */
export function ImportQuestionDialog({ question, onAnswer }: { question: ImportQuestion; onAnswer: (answer: PasswordAnswer | DuplicateAnswer) => void }) {
  return question.kind === 'password' ? <PasswordPrompt question={question} onAnswer={onAnswer} /> : <DuplicatePrompt question={question} onAnswer={onAnswer} />;
}

function PasswordPrompt({ question, onAnswer }: { question: Extract<ImportQuestion, { kind: 'password' }>; onAnswer: (answer: PasswordAnswer) => void }) {
  const [password, setPassword] = useState('');
  const titleId = useId();
  const fieldId = useId();
  return (
    <Modal
      title="Password needed"
      titleId={titleId}
      onCancel={() => onAnswer({ skip: true })}
      className="password-dialog"
      onSubmit={() => {
        if (password) onAnswer({ password });
      }}
      actions={
        <>
          <button type="button" onClick={() => onAnswer({ skip: true })}>
            Skip this file
          </button>
          <button type="submit" className="primary" disabled={!password}>
            Import
          </button>
        </>
      }
    >
      <p>
        <strong className="import-file-name">{question.fileName}</strong> is protected by a password. Enter it to import the document; the password is used once and not stored.
      </p>
      {question.wrongPassword ? (
        <p className="form-error" role="alert">
          {question.message}
        </p>
      ) : null}
      <label htmlFor={fieldId}>Password</label>
      <input id={fieldId} type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoFocus autoComplete="off" />
    </Modal>
  );
}

function DuplicatePrompt({ question, onAnswer }: { question: Extract<ImportQuestion, { kind: 'duplicate' }>; onAnswer: (answer: DuplicateAnswer) => void }) {
  const titleId = useId();
  return (
    <Modal
      title="Already in your library"
      titleId={titleId}
      onCancel={() => onAnswer('skip')}
      className="duplicate-dialog"
      actions={
        <>
          <button type="button" onClick={() => onAnswer('import-again')}>
            Import again
          </button>
          <button type="button" className="primary" onClick={() => onAnswer('skip')} autoFocus>
            Skip
          </button>
        </>
      }
    >
      <p>
        <strong className="import-file-name">{question.fileName}</strong> was imported before: the library already has a document with exactly the same content.
      </p>
      <p className="muted">Import it again to get a second, separate copy (with its own annotations), or skip it and keep the one you have.</p>
    </Modal>
  );
}
