import { type ReactNode, useId } from 'react';
import type { SettingKey } from '../../../shared/settings';
import type { SettingsForm } from './use-settings-form';

type Props = {
  form: SettingsForm;
  name: SettingKey;
  label: string;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'time' | 'url';
  placeholder?: string;
  /** Secrets: write-only, shown as set or not set, with a Clear button. */
  secret?: boolean;
};

/** A labelled settings input with its hint and its validation error, linked for screen readers. */
export function Field({ form, name, label, hint, type = 'text', placeholder, secret }: Props) {
  const id = useId();
  const error = form.errors[name];
  const isSet = form.view?.[name] === 'set';
  const value = form.draft[name];
  return (
    <div className="field">
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {secret ? (
          <span id={`${id}-state`} className={`badge ${isSet ? 'badge-ok' : ''}`}>
            {isSet ? 'set' : 'not set'}
          </span>
        ) : null}
      </div>
      <div className="field-row">
        <input
          id={id}
          type={secret ? 'password' : type}
          autoComplete={secret ? 'new-password' : 'off'}
          spellCheck={false}
          value={typeof value === 'string' ? value : ''}
          placeholder={secret && isSet ? 'Saved — type to replace' : placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-state ${id}-hint ${id}-error`}
          onChange={(event) => form.update(name, event.target.value)}
        />
        {secret && isSet ? (
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => void form.clearSecret(name)}
          >
            Clear
          </button>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint muted small">
          {hint}
        </p>
      ) : null}
      <p id={`${id}-error`} className="field-error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
    </div>
  );
}

export function SaveBar({ form, children }: { form: SettingsForm; children?: ReactNode }) {
  return (
    <div className="save-bar">
      <button type="submit" className="button" disabled={form.status === 'saving'}>
        {form.status === 'saving' ? 'Saving…' : 'Save'}
      </button>
      {children}
      {form.status === 'saved' && !form.dirty ? (
        <span className="ok-text small" role="status">
          Saved
        </span>
      ) : null}
      {form.formError ? (
        <span className="field-error" role="alert">
          {form.formError}
        </span>
      ) : null}
    </div>
  );
}
