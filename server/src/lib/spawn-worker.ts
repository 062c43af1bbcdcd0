import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module that sits beside the caller: `<name>.ts` when running from
 * the TypeScript sources (dev, tests: the worker registers the tsx loader first), `<name>.js` in the
 * server bundle (scripts/build.mjs emits every worker entry next to main.js).
 */
export function spawnWorker(callerUrl: string, name: string): Worker {
  const isSource = callerUrl.endsWith('.ts');
  const url = new URL(isSource ? `./${name}.ts` : `./${name}.js`, callerUrl);
  if (!isSource) {
    return new Worker(url);
  }
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`,
    { eval: true },
  );
}
