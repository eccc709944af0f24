import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../electron/core/api/methods/corpus';
import type { MetadataField } from '../../../electron/core/corpus/schema';
import type { MetadataFieldView } from '../../../electron/core/metadata/describe';
import type { MetadataEditView } from '../../../electron/core/metadata-edits/methods';
import { api, ApiError } from '../api/client';
import { useApi } from '../api/use-api';
import { Modal } from '../components/Modal';
import { useTeamUsers } from '../team/TeamUsersProvider';
import { cslTypeLabels } from './csl-type-labels';
import { buildPatch, changedFields, extractedText, fieldErrorsFrom, fieldForms, textOf } from './metadata-form';
import './DocumentDetailsDialog.css';

/** Sources that are a guess or not printed: the user may confirm their value as it is. */
const GUESSED = new Set(['inferred', 'file-name', 'curated']);

type Drafts = Partial<Record<MetadataField, string>>;
type Errors = Partial<Record<MetadataField, string>>;

/** "Authors, one per line" → "authors": a button's name for screen readers says which field it acts on. */
const shortLabel = (label: string) => label.replace(/, one per line$/, '').toLowerCase();

function editedWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Where a field's value came from: extracted (and where), edited by whom and when, or not found. */
function FieldSource({ view, edit, changed }: { view: MetadataFieldView; edit: MetadataEditView | undefined; changed: boolean }) {
  const { nameOf } = useTeamUsers();
  return (
    <span className="details-source">
      {changed ? <span className="details-unsaved">Changed, not saved yet · </span> : null}
      {edit ? (
        <span data-source="user">
          {view.value === null ? 'Cleared' : 'Edited'} by {nameOf(edit.editedBy)} on {editedWhen(edit.editedAt)}
          {edit.note ? <span className="details-note"> — “{edit.note}”</span> : null}
          <span className="details-extracted"> · extracted: {extractedText(view.field, edit.extracted)}</span>
        </span>
      ) : view.value === null ? (
        <span data-source="none" className="details-missing">
          <span className="metadata-tag">empty</span>
          Not found in the document — add it{view.field === 'year' ? ' (citations print “n.d.” without it)' : ''}
        </span>
      ) : view.source === 'user' ? (
        // The edit's record is still on its way (metadata.edits): core's own line meanwhile.
        <span data-source="user">{view.explanation.charAt(0).toUpperCase() + view.explanation.slice(1)}</span>
      ) : (
        <span data-source={view.source ?? 'none'}>
          {view.source === 'inferred' ? <span className="metadata-tag">inferred</span> : null}
          {view.source === 'file-name' || view.source === 'curated' ? <span className="metadata-tag">not printed</span> : null}
          Extracted: {view.explanation}
        </span>
      )}
    </span>
  );
}

/**
 * Every metadata field core keeps for a document, bundled or imported, each with where its
 * value came from, editable. Saving sends the changed fields as one `metadata.set` (a record
 * per field, with its author); "Revert to extracted" drops a field's correction at once
 * (`metadata.revert`). Problems show next to their field and change nothing. What was typed
 * is kept until it is saved or the user chooses to discard it: a refresh of the document
 * (a change event) updates only the fields not being edited, a failed save keeps the form,
 * and Escape with unsaved changes asks first.
 */
export function DocumentDetailsDialog({ document, onClose }: { document: DocumentSummary; onClose: () => void }) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'saving' | MetadataField | undefined>();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const headingId = useId();
  const baseId = useId();
  const keepEditing = useRef<HTMLButtonElement>(null);
  const edits = useApi('metadata.edits', { docId: document.id });
  const editOf = (field: MetadataField) => edits.value?.find((edit) => edit.field === field);
  const imported = document.origin !== 'bundled';
  const changed = changedFields(document.metadataFields, drafts);

  const type = (field: MetadataField, text: string) => {
    setDrafts((current) => ({ ...current, [field]: text }));
    // An old complaint goes as soon as the field it was about is being changed.
    setErrors(({ [field]: _gone, ...rest }) => rest);
    setFormError(undefined);
    setConfirmDiscard(false);
  };

  const close = () => {
    if (changed.length > 0 && !confirmDiscard) {
      setConfirmDiscard(true);
      requestAnimationFrame(() => keepEditing.current?.focus());
      return;
    }
    onClose();
  };

  // The library's entry of an imported document keeps its title (its name in messages about the file).
  const renameImported = async (title: string) => {
    if (imported) await api.invoke('import.updateMetadata', { docId: document.id, title });
  };

  const save = async () => {
    if (busy) return;
    const { patch, errors: typed } = buildPatch(document.metadataFields, drafts);
    setFormError(undefined);
    if (Object.keys(typed).length > 0) {
      setErrors(typed);
      focusField(Object.keys(typed)[0] as MetadataField);
      return;
    }
    if (Object.keys(patch).length === 0) return onClose();
    setBusy('saving');
    try {
      const summary = await api.invoke('metadata.set', { docId: document.id, fields: patch, ...(note.trim() ? { note: note.trim() } : {}) });
      if (patch.title !== undefined) await renameImported(summary.title);
      onClose();
    } catch (failure) {
      const reported = failure instanceof ApiError ? fieldErrorsFrom((failure.details as { issues?: unknown } | undefined)?.issues) : { fields: {}, other: [] };
      setErrors(reported.fields);
      if (Object.keys(reported.fields).length === 0 || reported.other.length > 0) setFormError((failure as Error).message);
      const first = Object.keys(reported.fields)[0] as MetadataField | undefined;
      if (first) focusField(first);
      setBusy(undefined);
    }
  };

  const revert = async (field: MetadataField) => {
    if (busy) return;
    setBusy(field);
    setFormError(undefined);
    try {
      const summary = await api.invoke('metadata.revert', { docId: document.id, fields: [field] });
      if (field === 'title') await renameImported(summary.title);
      setDrafts(({ [field]: _gone, ...rest }) => rest);
      setErrors(({ [field]: _gone, ...rest }) => rest);
    } catch (failure) {
      setFormError((failure as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  // The field and the complaint under it both in view (the body scrolls in a short window).
  // An inferred or fallback value the user knows to be right becomes theirs as it is (an inferred year is then cited plainly).
  const confirm = async (field: MetadataField) => {
    if (busy) return;
    setBusy(field);
    setFormError(undefined);
    try {
      await api.invoke('metadata.set', { docId: document.id, fields: {}, confirm: [field], ...(note.trim() ? { note: note.trim() } : {}) });
    } catch (failure) {
      setFormError((failure as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const focusField = (field: MetadataField) =>
    requestAnimationFrame(() => {
      const element = window.document.getElementById(`${baseId}-${field}`);
      element?.focus({ preventScroll: true });
      element?.closest('.details-field')?.scrollIntoView({ block: 'nearest' });
    });

  // In a list (a textarea) Enter starts a new line; Ctrl+Enter (or ⌘+Enter) saves from anywhere.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <Modal
      title="Document details"
      titleId={headingId}
      onCancel={close}
      className="details-dialog"
      onSubmit={() => void save()}
      actions={
        confirmDiscard ? (
          <div className="details-discard" role="alert">
            <span>
              Discard your {changed.length === 1 ? 'change' : `changes to ${changed.length} fields`}?
            </span>
            <button type="button" ref={keepEditing} onClick={() => setConfirmDiscard(false)}>
              Keep editing
            </button>
            <button type="button" className="danger" onClick={onClose}>
              Discard changes
            </button>
          </div>
        ) : (
          <>
            <span className="details-hint muted">Enter saves (Ctrl+Enter in a list) · Escape cancels</span>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy !== undefined}>
              {busy === 'saving' ? 'Saving…' : changed.length > 1 ? `Save ${changed.length} changes` : 'Save'}
            </button>
          </>
        )
      }
    >
      <p className="muted details-intro">
        {imported ? `Imported from ${document.source}.` : 'A bundled paper.'} Each field says where its value came from. Your corrections are kept
        beside what was extracted, with your name, and citations use them.
      </p>
      <div className="details-fields" onKeyDown={onKeyDown}>
        {document.metadataFields.map((view) => {
          const form = fieldForms[view.field];
          const id = `${baseId}-${view.field}`;
          const edit = editOf(view.field);
          const error = errors[view.field];
          const text = drafts[view.field] ?? textOf(view.field, view.value);
          const describedBy = `${id}-source${error ? ` ${id}-error` : ''}`;
          const common = {
            id,
            value: text,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': describedBy,
            placeholder: view.value === null ? `Add it${form.placeholder ? ` (${form.placeholder})` : ''}` : form.placeholder,
            onChange: (event: { target: { value: string } }) => type(view.field, event.target.value),
          };
          return (
            <div
              key={view.field}
              className={`details-field${view.value === null ? ' details-field-empty' : ''}${error ? ' details-field-invalid' : ''}`}
              data-field={view.field}
            >
              <label htmlFor={id}>{form.label}</label>
              {form.kind === 'list' ? (
                <textarea rows={Math.min(5, Math.max(2, text.split('\n').length))} {...common} />
              ) : form.kind === 'type' ? (
                <select id={id} value={text} aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(event) => type(view.field, event.target.value)}>
                  {Object.entries(cslTypeLabels).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input type="text" inputMode={form.kind === 'year' ? 'numeric' : undefined} {...common} autoFocus={view.field === 'title'} />
              )}
              {error ? (
                <p className="details-error" id={`${id}-error`} role="alert">
                  {error}
                </p>
              ) : null}
              <div className="details-meta" id={`${id}-source`}>
                <FieldSource view={view} edit={edit} changed={changed.includes(view.field)} />
                {edit ? (
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy !== undefined}
                    onClick={() => void revert(view.field)}
                  >
                    {busy === view.field ? 'Reverting…' : 'Revert to extracted'}
                    <span className="visually-hidden">: {shortLabel(form.label)}</span>
                  </button>
                ) : view.value !== null && GUESSED.has(view.source ?? '') && !changed.includes(view.field) ? (
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy !== undefined}
                    title="The value is right: keep it as yours"
                    onClick={() => void confirm(view.field)}
                  >
                    {busy === view.field ? 'Confirming…' : 'Confirm as correct'}
                    <span className="visually-hidden">: {shortLabel(form.label)}</span>
                  </button>
                ) : null}
              </div>
            </div>
          );
        })}
        <div className="details-field">
          <label htmlFor={`${baseId}-note`}>Why (optional, kept with the changes)</label>
          <input id={`${baseId}-note`} type="text" value={note} onChange={(event) => setNote(event.target.value)} placeholder="e.g. from the publisher's catalogue" />
        </div>
      </div>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
    </Modal>
  );
}
