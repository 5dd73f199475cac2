import type { FormEvent } from 'react';
import { call } from '../../api/client';
import { Field, SaveBar } from './Field';
import { TestButton } from './TestButton';
import { useSettingsForm } from './use-settings-form';

const keys = [
  's3.bucket',
  's3.region',
  's3.prefix',
  's3.keyTemplate',
  's3.endpoint',
  's3.forcePathStyle',
  's3.accessKeyId',
  's3.secretAccessKey',
] as const;

/** Where the daily CSVs go: bucket, key layout, an optional S3-compatible endpoint, credentials. */
export function S3Settings() {
  const form = useSettingsForm([...keys]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };
  return (
    <form className="panel section settings-form" aria-labelledby="s3-title" onSubmit={submit} noValidate>
      <h2 id="s3-title">S3</h2>
      <p className="muted">Each sync uploads the day's CSV, as the original Airflow job did.</p>
      <div className="field-grid">
        <Field form={form} name="s3.bucket" label="Bucket" placeholder="my-peloton-data" />
        <Field form={form} name="s3.region" label="Region" placeholder="us-east-1" />
        <Field form={form} name="s3.prefix" label="Key prefix" placeholder="spoke/" />
        <Field
          form={form}
          name="s3.keyTemplate"
          label="Key template"
          hint="YYYY, MM and DD become the day."
        />
        <Field
          form={form}
          name="s3.endpoint"
          label="Endpoint (optional)"
          type="url"
          hint="For MinIO, R2 and other S3-compatible stores."
        />
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={form.draft['s3.forcePathStyle'] === true}
              onChange={(event) => form.update('s3.forcePathStyle', event.target.checked)}
            />
            Path-style URLs (most S3-compatible stores need this)
          </label>
        </div>
        <Field form={form} name="s3.accessKeyId" label="Access key id" />
        <Field
          form={form}
          name="s3.secretAccessKey"
          label="Secret access key"
          secret
          hint="Stored encrypted, never shown again."
        />
      </div>
      <SaveBar form={form}>
        <TestButton label="Test upload" run={() => call('targets:test-s3')} />
        {form.dirty ? (
          <span className="muted small">Test upload uses the saved settings: save first.</span>
        ) : null}
      </SaveBar>
    </form>
  );
}
