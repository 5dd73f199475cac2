import { useId, useMemo } from 'react';
import type { SettingKey } from '../../../shared/settings';
import { useSettingsForm } from './use-settings-form';

function zones(): string[] {
  const all = Intl.supportedValuesOf?.('timeZone') ?? [];
  return ['UTC', ...all.filter((zone) => zone !== 'UTC')];
}

type SelectProps = {
  label: string;
  name: SettingKey;
  options: [value: string, text: string][];
  form: ReturnType<typeof useSettingsForm>;
  hint?: string;
};

function Select({ label, name, options, form, hint }: SelectProps) {
  const id = useId();
  const value = form.draft[name];
  const change = (next: string) => {
    form.update(name, next);
    void form.send(next === '' ? { unset: [name] } : { set: { [name]: next } });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(event) => change(event.target.value)}
        aria-describedby={`${id}-error`}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
      {hint ? <p className="field-hint muted small">{hint}</p> : null}
      <p id={`${id}-error`} className="field-error">
        {form.errors[name] ?? ''}
      </p>
    </div>
  );
}

/** How things look: time zone for days and hours, units, theme. Saved as soon as they change. */
export function DisplaySettings() {
  const form = useSettingsForm(['display.timeZone', 'display.units', 'display.theme']);
  const zoneOptions = useMemo(
    () => zones().map((zone): [string, string] => [zone, zone.replaceAll('_', ' ')]),
    [],
  );
  const viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <section className="panel section settings-form" aria-labelledby="display-title">
      <h2 id="display-title">Display</h2>
      <div className="field-grid">
        <Select
          form={form}
          name="display.timeZone"
          label="Time zone"
          hint="Days, months and hours in every chart are counted in this zone."
          options={[['', `This computer's (${viewer})`], ...zoneOptions]}
        />
        <Select
          form={form}
          name="display.units"
          label="Units"
          hint="Distances and speeds in the Workouts table; output is in kJ either way."
          options={[
            ['imperial', 'Imperial (mi, mph)'],
            ['metric', 'Metric (km, km/h)'],
          ]}
        />
        <Select
          form={form}
          name="display.theme"
          label="Theme"
          options={[
            ['system', 'Follow the system'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ]}
        />
      </div>
      {form.status === 'saved' ? (
        <p className="ok-text small" role="status">
          Saved
        </p>
      ) : null}
      {form.formError ? (
        <p className="field-error" role="alert">
          {form.formError}
        </p>
      ) : null}
    </section>
  );
}
