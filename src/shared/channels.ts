// Channel names only, with no schema library: the preload imports this list to
// refuse any channel outside the contract without bundling zod into the sandbox.
export const channelNames = [
  'app:info',
  'reports:get',
  'reports:options',
  'workouts:list',
  'riders:list',
  'imports:csv',
  'demo:load',
  'demo:remove',
  'riders:add',
  'riders:remove',
  'settings:get',
  'settings:update',
  'sync:run',
  'sync:history',
  'targets:test-postgres',
  'targets:test-s3',
] as const;

export type ChannelName = (typeof channelNames)[number];

export const eventNames = ['sync:progress', 'data:changed'] as const;

export type EventName = (typeof eventNames)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (channelNames as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (eventNames as readonly string[]).includes(value);
}
