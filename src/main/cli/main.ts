import { runCli } from './run-cli';

// The `spoke` executable (bin/spoke.js loads the bundled copy of this file).
const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', resolve);
  process.once('SIGTERM', resolve);
});

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  env: process.env,
  isTty: Boolean(process.stderr.isTTY),
  interrupted: () => interrupted,
}).then((code) => {
  process.exitCode = code;
});
