import { z } from 'zod';
import type { ChannelName } from './channels';
import type { AppInfo, Rider } from './model';
import { type ReportName, type ReportRows, reportRequestSchema } from './reports';
import { type SettingsView, settingsUpdateSchema } from './settings';

/** A channel: the zod schema its input must pass, and (as a type only) what it answers. */
type Channel<I extends z.ZodType, O> = { input: I; output?: O };

function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

const none = z.object({}).strict().optional();

/** The API contract: every channel the renderer may call, on either transport. */
export const contract = {
  'app:info': channel<AppInfo>()(none),
  'reports:get': channel<ReportRows[ReportName][]>()(reportRequestSchema),
  'riders:list': channel<Rider[]>()(none),
  'settings:get': channel<SettingsView>()(none),
  'settings:update': channel<SettingsView>()(settingsUpdateSchema),
} satisfies Record<ChannelName, Channel<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>;
