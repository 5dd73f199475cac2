import type { FormEvent } from 'react';
import { call } from '../../api/client';
import { Field, SaveBar } from './Field';
import { TestButton } from './TestButton';
import { useSettingsForm } from './use-settings-form';

/** The Postgres table the original Lambda filled: a URL (a secret: it holds the password) and a test. */
export function PostgresSettings() {
  const form = useSettingsForm(['postgres.url']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };
  const typed = form.draft['postgres.url'];
  return (
    <form className="panel section settings-form" aria-labelledby="pg-title" onSubmit={submit} noValidate>
      <h2 id="pg-title">Postgres</h2>
      <p className="muted">
        Each sync upserts new workouts into the <code>peloton</code> table, keyed on the workout id.
      </p>
      <Field
        form={form}
        name="postgres.url"
        label="Connection URL"
        secret
        hint="postgres://user:password@host:5432/database — stored encrypted, never shown again."
      />
      <SaveBar form={form}>
        <TestButton
          label="Test connection"
          run={() =>
            call(
              'targets:test-postgres',
              typeof typed === 'string' && typed.trim() ? { url: typed.trim() } : {},
            )
          }
        />
      </SaveBar>
    </form>
  );
}
