// `node bench/peak-rss.cjs SCRIPT ARGS...`: runs SCRIPT in this process and reports its
// peak resident memory on stderr when it exits (used for the backfill memory figure).
const { resolve } = require('node:path');

process.on('exit', () => process.stderr.write(`\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`));
process.argv.splice(1, 1);
require(resolve(process.argv[1]));
