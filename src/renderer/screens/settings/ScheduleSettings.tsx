import type { FormEvent } from 'react';
import { Field, SaveBar } from './Field';
import { useSettingsForm } from './use-settings-form';

/** The daily sync: on or off, and when (while the app or `spoke serve` runs). */
export function ScheduleSettings() {
  const form = useSettingsForm(['schedule.enabled', 'schedule.dailyAt']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };
  return (
    <form
      className="panel section settings-form"
      aria-labelledby="schedule-title"
      onSubmit={submit}
      noValidate
    >
      <h2 id="schedule-title">Schedule</h2>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={form.draft['schedule.enabled'] === true}
            onChange={(event) => form.update('schedule.enabled', event.target.checked)}
          />
          Sync every day
        </label>
      </div>
      <Field
        form={form}
        name="schedule.dailyAt"
        label="At"
        type="time"
        hint="This computer's time; a day missed while Spoke was closed or asleep syncs when it is open again."
      />
      <SaveBar form={form} />
    </form>
  );
}
