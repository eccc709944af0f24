import { useId } from 'react';
import { useApi } from '../../api/use-api';
import { datePrecisionChoices, draftText, monthNames, type DateDraft, type DatePrecisionChoice } from './event-date-input';

const precisionNames: Record<DatePrecisionChoice, string> = { year: 'Year', part: 'Part of year', month: 'Month', day: 'Day', range: 'Range' };

/**
 * An event's date as precise as the sources allow: a year, a part of one ("late 2013"), a month,
 * a day, or a range of two dates. Below the fields, how core reads what is entered (or why it
 * cannot), before anything is saved.
 */
export function DateFields({ draft, onChange, legend = 'Date' }: { draft: DateDraft; onChange: (draft: DateDraft) => void; legend?: string }) {
  const ids = { year: useId(), part: useId(), month: useId(), day: useId(), from: useId(), to: useId() };
  const set = (patch: Partial<DateDraft>) => onChange({ ...draft, ...patch });
  const parts = useApi('evidence.dateParts', {}).value ?? [];
  const composed = draftText(draft);
  const text = 'text' in composed ? composed.text : '';
  const reading = useApi('evidence.readDate', { text: text || '0000' }, { enabled: text !== '' });
  return (
    <fieldset className="event-date-fields" data-precision={draft.precision}>
      <legend>{legend}</legend>
      <div className="segmented" role="group" aria-label="Precision">
        {datePrecisionChoices.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={draft.precision === choice}
            onClick={() => set(choice === 'range' && !draft.from && /^\d{4}$/.test(draft.year.trim()) ? { precision: choice, from: draft.year.trim() } : { precision: choice })}
          >
            {precisionNames[choice]}
          </button>
        ))}
      </div>
      {draft.precision === 'range' ? (
        <div className="event-date-row">
          <div>
            <label htmlFor={ids.from}>From</label>
            <input id={ids.from} type="text" value={draft.from} onChange={(e) => set({ from: e.target.value })} placeholder="2015, 2015-03, late 2015" spellCheck={false} />
          </div>
          <div>
            <label htmlFor={ids.to}>To</label>
            <input id={ids.to} type="text" value={draft.to} onChange={(e) => set({ to: e.target.value })} placeholder="2016, 2016-11-30, early 2016" spellCheck={false} />
          </div>
        </div>
      ) : (
        <div className="event-date-row">
          {draft.precision === 'day' ? (
            <div className="event-date-day">
              <label htmlFor={ids.day}>Day</label>
              <input id={ids.day} type="text" inputMode="numeric" value={draft.day} onChange={(e) => set({ day: e.target.value })} placeholder="24" />
            </div>
          ) : null}
          {draft.precision === 'month' || draft.precision === 'day' ? (
            <div>
              <label htmlFor={ids.month}>Month</label>
              <select id={ids.month} value={draft.month} onChange={(e) => set({ month: e.target.value })}>
                <option value="">Choose…</option>
                {monthNames.map((name, index) => (
                  <option key={name} value={String(index + 1)}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {draft.precision === 'part' ? (
            <div>
              <label htmlFor={ids.part}>Part</label>
              <select id={ids.part} value={draft.part} onChange={(e) => set({ part: e.target.value })}>
                <option value="">Choose…</option>
                {parts.map((part) => (
                  <option key={part.part} value={part.part}>
                    {part.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="event-date-year">
            <label htmlFor={ids.year}>Year</label>
            <input id={ids.year} type="text" inputMode="numeric" value={draft.year} onChange={(e) => set({ year: e.target.value })} placeholder="2023" />
          </div>
        </div>
      )}
      <p className="event-date-reading muted" aria-live="polite">
        {text === '' ? '' : reading.status === 'ready' && reading.data ? `Reads as ${reading.data.label}.` : reading.status === 'error' ? reading.error.message : ''}
      </p>
    </fieldset>
  );
}
