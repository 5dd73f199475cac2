#!/usr/bin/env node
// The `spoke` command: runs the CLI bundled by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(bundle)) {
  process.stderr.write('spoke: not built yet. Run `npm run build` in the Spoke folder, then try again.\n');
  process.exit(1);
}
require(bundle);
