/** What a command may touch of the outside world; tests pass their own. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The whole of standard input (for --stdin and --password-stdin). */
  readStdin: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal (progress bars instead of lines). */
  isTty: boolean;
  /** Resolves when the user interrupts a long-running command (serve). */
  interrupted: () => Promise<void>;
};

/** Exit statuses of the contract: 0 done, 1 the job failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  override name = 'UsageError';
}
