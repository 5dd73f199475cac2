import { type DragEvent, useId, useState } from 'react';
import { type ImportResult, importCsv } from '../api/imports';
import { plural } from '../format/numbers';
import { useAppStore } from '../store/app-store';
import { toApiError } from '../store/loaders';
import { MessageText } from './MessageText';

const maxBytes = 64 * 1024 * 1024;

/**
 * A CSV import by file picker or drag-and-drop. A page cannot give the main side a
 * path, so the file's text is sent; the main side checks every row before writing any.
 */
export function ImportCsv() {
  const [rider, setRider] = useState('');
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<{ name: string; value: ImportResult } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();

  const send = async (file: File) => {
    setError(null);
    setResult(null);
    if (file.size > maxBytes) {
      setError(`${file.name} is larger than 64 MB; import it with \`spoke import FILE\` instead.`);
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const value = await importCsv({
        fileName: file.name,
        text,
        ...(rider.trim() ? { rider: rider.trim() } : {}),
      });
      setResult({ name: file.name, value });
      useAppStore.getState().dataChanged();
    } catch (problem) {
      setError(toApiError(problem).message);
    } finally {
      setBusy(false);
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) void send(file);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file button is the keyboard way in.
    <div
      className={`drop-zone${over ? ' drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop"
    >
      <p>Drop a CSV here, or</p>
      <label htmlFor={inputId} className="button button-quiet">
        Choose a CSV file…
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".csv,text/csv"
        disabled={busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void send(file);
        }}
      />
      <label className="field-inline small">
        Rider (only for Peloton's own “Download Workouts” file)
        <input
          type="text"
          value={rider}
          onChange={(event) => setRider(event.target.value)}
          placeholder="e.g. Bryan"
        />
      </label>
      {busy ? (
        <p role="status" className="muted">
          Importing…
        </p>
      ) : null}
      {result ? (
        <p role="status" className="ok-text">
          {result.name}: {plural(result.value.rows, 'row', 'rows')} read, {result.value.inserted} new,{' '}
          {result.value.updated} updated, {result.value.unchanged} unchanged.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="field-error">
          <MessageText text={error} />
        </p>
      ) : null}
    </div>
  );
}
