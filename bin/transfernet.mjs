#!/usr/bin/env node
// `npx transfernet …`: builds the server bundle when it is missing or older than the sources
// (and the web client too for `serve`), then runs the command line.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serving = process.argv[2] === 'serve' && !process.argv.includes('--help') && !process.argv.includes('-h');
const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-needed', ...(serving ? [] : ['--server'])], {
  stdio: ['ignore', 2, 'inherit'], // build messages go to stderr: stdout stays the command's own (e.g. --json)
});
if (r.status !== 0) {
  process.exit(r.status ?? 1);
}
await import(pathToFileURL(join(root, 'dist/server/main.js')).href);
