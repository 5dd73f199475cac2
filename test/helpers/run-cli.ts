import { runCli } from '../../src/main/cli/run-cli';

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs the `spoke` command line in-process with captured output. */
export async function spoke(
  argv: string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv; interrupted?: Promise<void> } = {},
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => options.stdin ?? '',
    env: options.env ?? { SPOKE_SECRET_KEY: undefined },
    isTty: false,
    interrupted: () => options.interrupted ?? Promise.resolve(),
  });
  return { code, stdout, stderr };
}
