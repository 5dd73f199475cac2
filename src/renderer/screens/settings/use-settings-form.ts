import { useState } from 'react';
import { isSecretSetting, type SettingKey, type SettingsView, settingDefs } from '../../../shared/settings';
import { call } from '../../api/client';
import { useAppStore } from '../../store/app-store';
import { toApiError } from '../../store/loaders';

export type Draft = Partial<Record<SettingKey, string | boolean>>;

function initial(view: SettingsView | null, keys: SettingKey[]): Draft {
  const draft: Draft = {};
  // A secret's field starts empty: the page never learns the value, only whether one is set.
  for (const key of keys)
    draft[key] = isSecretSetting(key)
      ? ''
      : (view?.[key] ?? (typeof settingDefs[key].default === 'boolean' ? false : ''));
  return draft;
}

/** The field a server message such as `s3.bucket: expected …` is about. */
function fieldOf(message: string, keys: SettingKey[]): SettingKey | null {
  return keys.find((key) => message.startsWith(`${key}:`) || message.includes(`"${key}"`)) ?? null;
}

/**
 * A group of settings edited together: a draft, checks against the shared schemas as
 * you type, and a save that sends only what changed (an emptied field unsets it; an
 * empty secret field leaves the secret alone). Errors land next to their field.
 */
export function useSettingsForm(keys: SettingKey[]) {
  const view = useAppStore((state) => state.data.settings.value);
  const [draft, setDraft] = useState<Draft>(() => initial(view, keys));
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');

  const changes = () => {
    const set: Record<string, string | boolean> = {};
    const unset: string[] = [];
    for (const key of keys) {
      const value = draft[key];
      if (isSecretSetting(key)) {
        if (typeof value === 'string' && value.trim() !== '') set[key] = value.trim();
      } else if (value === '' && view?.[key] !== null && view?.[key] !== '') unset.push(key);
      else if (value !== '' && value !== view?.[key]) set[key] = value ?? '';
    }
    return { set, unset };
  };

  const check = (key: SettingKey, value: string | boolean): string | null => {
    if (value === '') return null;
    return settingDefs[key].schema.safeParse(value).success ? null : `Expected ${settingDefs[key].expects}.`;
  };

  const update = (key: SettingKey, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: check(key, value) ?? undefined }));
    setStatus('idle');
  };

  const send = async (change: { set?: Record<string, string | boolean>; unset?: string[] }) => {
    setStatus('saving');
    setFormError(null);
    try {
      const next = await call('settings:update', change);
      useAppStore.setState((s) => ({
        data: { ...s.data, settings: { status: 'ready', value: next, error: null } },
      }));
      setDraft((d) => ({ ...d, ...initial(next, keys.filter(isSecretSetting)) }));
      setStatus('saved');
      return true;
    } catch (error) {
      const message = toApiError(error).message;
      const field = fieldOf(message.replace(/^Invalid input for settings:update: /, ''), keys);
      if (field)
        setErrors((e) => ({
          ...e,
          [field]: message.replace(`${field}: `, '').replace(/^./, (c) => c.toUpperCase()),
        }));
      else setFormError(message);
      setStatus('idle');
      return false;
    }
  };

  const save = async () => {
    const found = Object.fromEntries(
      keys.map((key) => [key, check(key, draft[key] ?? '')]).filter(([, e]) => e),
    );
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    const change = changes();
    if (Object.keys(change.set).length === 0 && change.unset.length === 0) {
      setStatus('saved');
      return true;
    }
    return send(change);
  };

  const clearSecret = (key: SettingKey) => send({ unset: [key] });
  const dirty = (() => {
    const change = changes();
    return Object.keys(change.set).length > 0 || change.unset.length > 0;
  })();

  return { view, draft, errors, formError, status, dirty, update, save, clearSecret, send };
}

export type SettingsForm = ReturnType<typeof useSettingsForm>;
