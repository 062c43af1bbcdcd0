// Builds what `npm start` and the CLI run: the server bundle (esbuild) and the web client (Vite).
// Usage: node scripts/build.mjs [--server] [--web] [--if-needed]
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const wantServer = args.has('--server') || !args.has('--web');
const wantWeb = args.has('--web') || !args.has('--server');
const ifNeeded = args.has('--if-needed');
const stampFile = join(root, 'dist', 'build-info.json');

/** Newest modification time under the given paths (files and folders, recursively). */
function newest(paths) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) {return;}
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p)) {if (e !== 'node_modules' && !e.endsWith('.test.ts')) {walk(join(p, e));}}
    } else {
      max = Math.max(max, s.mtimeMs);
    }
  };
  paths.forEach((p) => walk(join(root, p)));
  return max;
}

const sources = {
  server: ['server/src', 'shared', 'package.json'],
  web: ['web', 'shared', 'vite.config.ts', 'package.json'],
};
const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};
const outputs = { server: join(root, 'dist/server/main.js'), web: join(root, 'dist/web/index.html') };

function stale(part) {
  return !existsSync(outputs[part]) || !stamp[part] || newest(sources[part]) > stamp[part];
}

async function buildServer() {
  const t = performance.now();
  const { build } = await import('esbuild');
  rmSync(join(root, 'dist/server'), { recursive: true, force: true });
  await build({
    entryPoints: { main: join(root, 'server/src/main.ts'), 'pglite-worker': join(root, 'server/src/db/pglite-worker.ts'), 'train-worker': join(root, 'server/src/modules/matching/train-worker.ts') },
    outdir: join(root, 'dist/server'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  cpSync(join(root, 'server/src/db/migrations'), join(root, 'dist/server/migrations'), { recursive: true });
  cpSync(join(root, 'server/src/modules/regions/data'), join(root, 'dist/server/data'), { recursive: true });
  // The published national turnover series (the demo's statistics profile); the file only, not its README.
  cpSync(join(root, 'server/src/modules/statistics/data/national_tech_market_turnover.csv'), join(root, 'dist/server/data/national_tech_market_turnover.csv'));
  console.log(`built server bundle in ${Math.round(performance.now() - t)} ms`);
}

function buildWeb() {
  const t = performance.now();
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {throw new Error('web build failed');}
  console.log(`built web client in ${Math.round(performance.now() - t)} ms`);
}

mkdirSync(join(root, 'dist'), { recursive: true });
const next = { ...stamp };
if (wantServer && (!ifNeeded || stale('server'))) {
  await buildServer();
  next.server = newest(sources.server);
}
if (wantWeb && (!ifNeeded || stale('web'))) {
  buildWeb();
  next.web = newest(sources.web);
}
writeFileSync(stampFile, JSON.stringify(next, null, 2));
