import { z } from 'zod';
import type { ChannelName } from './channels';
import type { AppInfo, ImportResult, Rider, SignedInRider, SyncResult, SyncRun } from './model';
import {
  type FilterOptions,
  type ReportName,
  type ReportRows,
  reportRequestSchema,
  type WorkoutsPage,
  workoutsQuerySchema,
} from './reports';
import { type SettingsView, settingsUpdateSchema } from './settings';

/** A channel: the zod schema its input must pass, and (as a type only) what it answers. */
type Channel<I extends z.ZodType, O> = { input: I; output?: O };

function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}

const none = z.object({}).strict().optional();

/** A connection test's answer: one sentence, whether it worked or not. */
export type TargetCheck = { ok: boolean; message: string };

/** A real day: `2023-13-01` has the shape of one but no date, and would fail the sync deep inside. */
export function isCalendarDay(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine(isCalendarDay, 'expected a real calendar day as YYYY-MM-DD');

/** Sign-in: Peloton's own page in a window (desktop), email + password sent once, or a pasted refresh token. */
const riderAdd = z.discriminatedUnion('method', [
  z.object({ method: z.literal('browser') }).strict(),
  z
    .object({
      method: z.literal('password'),
      email: z.string().trim().email('expected an email address'),
      password: z.string().min(1, 'expected a password'),
    })
    .strict(),
  z
    .object({
      method: z.literal('refresh-token'),
      refreshToken: z.string().trim().min(10, 'expected a refresh token'),
    })
    .strict(),
]);

/** The API contract: every channel the renderer may call, on either transport. */
export const contract = {
  'app:info': channel<AppInfo>()(none),
  'reports:get': channel<ReportRows[ReportName][]>()(reportRequestSchema),
  'reports:options': channel<FilterOptions>()(none),
  'workouts:list': channel<WorkoutsPage>()(workoutsQuerySchema),
  'riders:list': channel<Rider[]>()(none),
  /** A CSV the dashboard's file picker or drop zone read: its name and text, never a path. */
  'imports:csv': channel<ImportResult>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        text: z.string().max(64 * 1024 * 1024, 'the file is larger than 64 MB'),
        rider: z.string().trim().min(1).optional(),
      })
      .strict(),
  ),
  'demo:load': channel<{ workouts: number }>()(none),
  'demo:remove': channel<{ removed: number }>()(none),
  'riders:add': channel<SignedInRider>()(riderAdd),
  'riders:remove': channel<{ removed: number }>()(z.object({ id: z.string().min(1) }).strict()),
  'settings:get': channel<SettingsView>()(none),
  'settings:update': channel<SettingsView>()(settingsUpdateSchema),
  'sync:run': channel<SyncResult>()(
    z
      .object({ riders: z.array(z.string().min(1)).optional(), since: day.optional() })
      .strict()
      .optional(),
  ),
  'sync:history': channel<SyncRun[]>()(none),
  // Settings' "Test connection" / "Test upload": the given URL or the saved one; the answer never repeats it.
  'targets:test-postgres': channel<TargetCheck>()(
    z
      .object({ url: z.string().trim().min(1).optional() })
      .strict()
      .optional(),
  ),
  'targets:test-s3': channel<TargetCheck>()(none),
} satisfies Record<ChannelName, Channel<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Contract[C]['output']>;
