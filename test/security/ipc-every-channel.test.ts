import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/main/api/dispatch';
import { registerIpcHandlers } from '../../src/main/electron/ipc-transport';
import { type ChannelName, channelNames } from '../../src/shared/channels';
import { frameAt, ipcMain } from '../electron/fake-electron';

vi.mock('electron', () => import('../electron/fake-electron'));

/**
 * Every channel of the contract, called over IPC the way a hostile page would: from
 * a frame that is not the app's, and from the app with input its schema refuses.
 * The handlers are spies, so "refused" means the main side did nothing at all.
 */

const appFrame = frameAt('app://spoke/index.html');

/** A valid input for each channel, so the foreign-sender case fails on the sender alone. */
const validInput: Record<ChannelName, unknown> = {
  'app:info': undefined,
  'reports:get': { name: 'summary', filter: { tz: 'UTC' } },
  'reports:options': undefined,
  'workouts:list': { limit: 10 },
  'riders:list': undefined,
  'imports:csv': { fileName: 'x.csv', text: 'workout_id,date\n' },
  'demo:load': undefined,
  'demo:remove': undefined,
  'riders:add': { method: 'password', email: 'rider@example.invalid', password: 'pw' },
  'riders:remove': { id: 'r1' },
  'settings:get': undefined,
  'settings:update': { set: { 'display.theme': 'dark' } },
  'sync:run': {},
  'sync:history': undefined,
  'targets:test-postgres': { url: 'postgres://u:p@db.invalid/x' },
  'targets:test-s3': undefined,
};

/** Inputs of the wrong shape for any channel: every schema in the contract is a strict object (or none). */
const anyChannelMalformed: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'settings'],
  ['an array', [validInput]],
  ['true', true],
  ['an unknown field', { unexpected: true }],
  ['a prototype-polluting object', JSON.parse('{"__proto__": {"polluted": true}}')],
];

/** Inputs of the right outer shape but wrong inside, per channel. */
const channelMalformed: Partial<Record<ChannelName, unknown[]>> = {
  'reports:get': [
    { name: 'everything' },
    { name: 'summary', filter: { tz: 'Mars/Olympus' } },
    { name: 'summary', filter: { from: '2023-13-01' } },
    { name: 'summary', filter: { from: '2023-05-02', to: '2023-05-01' } },
    { name: 'summary', filter: { lengths: ['20'] } },
    { name: 'summary', filter: { classTypes: ["cycling'; DROP TABLE workouts;--"] } },
  ],
  'workouts:list': [
    { limit: 100_000 },
    { offset: -1 },
    { sort: { by: 'title; DROP TABLE workouts', dir: 'asc' } },
  ],
  'imports:csv': [
    { fileName: '', text: 'x' },
    { fileName: 'x.csv', text: 42 },
    { fileName: 'x'.repeat(256), text: 'x' },
    { fileName: 'x.csv', text: 'x', path: '/etc/passwd' },
  ],
  'riders:add': [
    { method: 'password', email: 'not an email', password: 'pw' },
    { method: 'password', email: 'rider@example.invalid', password: '' },
    { method: 'refresh-token', refreshToken: 'short' },
    { method: 'magic' },
  ],
  'riders:remove': [{ id: '' }, { id: 7 }],
  'settings:update': [{ set: 'dark' }, { set: { 'display.theme': 7 } }, { unset: 'postgres.url' }],
  'sync:run': [{ riders: [''] }, { since: 'yesterday' }, { since: '2023-13-01' }, { riders: 'all' }],
  'targets:test-postgres': [{ url: '' }, { url: 5 }],
};

let handlers: Handlers;
let dispose: () => void;

beforeEach(() => {
  ipcMain.reset();
  handlers = Object.fromEntries(
    channelNames.map((c) => [c, vi.fn(() => ({ called: c }))]),
  ) as unknown as Handlers;
  dispose = registerIpcHandlers(handlers);
});
afterEach(() => dispose());

const calls = () => channelNames.filter((c) => vi.mocked(handlers[c]).mock.calls.length > 0);

describe('every IPC channel', () => {
  it('answers the app’s own window (the baseline the refusals below are measured against)', async () => {
    for (const channel of channelNames) {
      const result = await ipcMain.invokeFrom(appFrame, channel, validInput[channel]);
      expect(result, channel).toEqual({ ok: true, value: { called: channel } });
    }
    expect(calls()).toEqual([...channelNames]);
  });

  const foreign: [string, ReturnType<typeof frameAt> | null][] = [
    ['a web page', frameAt('https://example.invalid/')],
    ['a page naming the app in its query', frameAt('https://example.invalid/?next=app://x')],
    ['a page naming the app in its path', frameAt('https://example.invalid/app://spoke/')],
    ['a file: page', frameAt('file:///tmp/evil.html')],
    ['a javascript: frame', frameAt('javascript:alert(1)')],
    ['a data: frame', frameAt('data:text/html,<script>parent.spoke.invoke("app:info")</script>')],
    ['another app:// host', frameAt('app://evil/index.html')],
    ['a look-alike host', frameAt('app://spoke.evil.invalid/')],
    ['user info before the host', frameAt('app://spoke@evil.invalid/')],
    ['a dev server', frameAt('http://localhost:5173/')],
    ['an iframe inside the app', frameAt('app://spoke/index.html', appFrame)],
    ['a frame inside a foreign page', frameAt('app://spoke/index.html', frameAt('https://example.invalid/'))],
    ['a frame that is gone', null],
  ];

  it.each(foreign)('refuses %s on every channel, before any handler runs', async (_who, frame) => {
    for (const channel of channelNames) {
      const result = await ipcMain.invokeFrom(frame, channel, validInput[channel]);
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'forbidden', message: `${channel} may only be called by the Spoke window itself.` },
      });
    }
    expect(calls()).toEqual([]);
  });

  it('refuses a frame whose URL cannot even be read (destroyed mid-call)', async () => {
    const handler = ipcMain.handlers.get('settings:get');
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handler?.(event, undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls()).toEqual([]);
  });

  it.each(anyChannelMalformed)(
    'refuses %s as input on every channel with bad_input',
    async (_what, input) => {
      for (const channel of channelNames) {
        const result = await ipcMain.invokeFrom(appFrame, channel, input);
        expect(result, channel).toMatchObject({
          ok: false,
          error: {
            code: 'bad_input',
            message: expect.stringMatching(new RegExp(`^Invalid input for ${channel}`)),
          },
        });
      }
      expect(calls()).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it.each(Object.entries(channelMalformed))(
    'refuses malformed %s input before its handler runs',
    async (channel, inputs) => {
      for (const input of inputs ?? []) {
        const result = (await ipcMain.invokeFrom(appFrame, channel, input)) as {
          ok: boolean;
          error?: { code: string; message: string };
        };
        expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'bad_input' } });
        // One line for the user, naming the channel; no stack trace.
        expect(result.error?.message).not.toMatch(/\n|\bat .*:\d+:\d+/);
      }
      expect(calls()).toEqual([]);
    },
  );

  it('refuses a channel outside the contract, whoever asks', async () => {
    expect(ipcMain.handlers.has('shell:open')).toBe(false);
    await expect(ipcMain.invokeFrom(appFrame, 'shell:open', 'file:///etc/passwd')).rejects.toThrow(
      /No handler/,
    );
  });
});
