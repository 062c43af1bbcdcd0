import { Command, Option } from 'commander';
import { loadEnv, type Env } from '#server/config/env';
import { seedDemo } from '#server/db/seed/demo';
import { randomToken } from '#server/lib/crypto';
import { systemActor } from '#server/modules/auth/index';
import { appVersion, openRuntime, startServer, type Runtime } from './runtime';
import { importAchievementsCommand, type ImportCliOptions } from '#server/modules/imports/index';
import { rebuildSearchCommand } from '#server/modules/search/index';
import { notifyMatchingCommand, trainMatchingCommand } from '#server/modules/matching/index';

const out = (msg: string) => process.stdout.write(`${msg}\n`);
const err = (msg: string) => process.stderr.write(`${msg}\n`);

async function withRuntime<T>(env: Env, fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime(env, out);
  try {
    return await fn(rt);
  } finally {
    await rt.handle.close();
  }
}

const ENV_HELP = `
Environment:
  DATA_DIR       embedded database directory (default ./data)
  DATABASE_URL   postgres://… selects a PostgreSQL server instead of the embedded database`;

/** The `transfernet` command line. */
export function buildCli(): Command {
  const program = new Command('transfernet')
    .description('TransferNet 技术转移网络平台 — server and administration commands')
    .version(appVersion())
    .addHelpText('after', ENV_HELP)
    .showHelpAfterError();

  program
    .command('serve')
    .description('migrate the database, load demo data on first start (not in production), and serve the web UI and API')
    .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT'))
    .addOption(new Option('-H, --host <host>', 'interface to bind').env('HOST'))
    .addHelpText('after', ENV_HELP)
    .action(async (opts: { port?: string; host?: string }) => {
      const env = loadEnv({ ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
      const t0 = performance.now();
      const server = await startServer(env, out);
      out(`TransferNet ${appVersion()} ready at ${server.url} in ${Math.round(performance.now() - t0)} ms (API docs: ${server.url}/api/docs)`);
      const stop = async (signal: string) => {
        out(`${signal}: shutting down`);
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });

  program
    .command('migrate')
    .description('apply pending database migrations and load reference data (regions, industries)')
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      await withRuntime(loadEnv(), async () => out('migrations applied'));
    });

  program
    .command('seed')
    .description('load a data profile (demo: organisations of every type, one account per role, and the demo catalogue)')
    .addOption(new Option('--profile <name>', 'profile to load').choices(['demo']).default('demo'))
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      await withRuntime(loadEnv(), async (rt) => {
        const r = await seedDemo(rt.handle, rt.services, out);
        const c = r.catalogue;
        const added = c.organisations + c.users + c.experts + c.achievements + c.demands + c.events > 0;
        out(r.created ? `demo data loaded: ${r.organisations} organisations, ${r.users} accounts` : added ? 'demo data present: catalogue completed' : 'demo data already present: nothing to do');
        if (added) {
          out(`demo catalogue: ${c.achievements} achievements, ${c.demands} demands, ${c.experts} expert profiles, ${c.users} accounts added in ${c.ms} ms`);
        }
      });
    });

  program
    .command('create-admin')
    .description('create a platform administrator (prints a generated password when none is given)')
    .requiredOption('--email <email>', 'e-mail address (login)')
    .option('--name <name>', 'display name', '平台管理员')
    .addOption(new Option('--password <password>', 'password (min 10 characters with a letter and a digit)').env('ADMIN_PASSWORD'))
    .addHelpText('after', ENV_HELP)
    .action(async (opts: { email: string; name: string; password?: string }) => {
      const password = opts.password ?? `${randomToken(12)}7a`;
      await withRuntime(loadEnv(), async (rt) => {
        const user = await rt.services.usersAdmin.createPlatformAdmin(systemActor('cli:create-admin'), {
          email: opts.email,
          displayName: opts.name,
          password,
        });
        out(`platform administrator ${user.email} created (id ${user.id})`);
        if (!opts.password) {
          out(`generated password: ${password}`);
        }
      });
    });

  program
    .command('import')
    .description('bulk import (汇交)')
    .command('achievements <file>')
    .description('import achievements from CSV (UTF-8 or GBK), XLSX or JSONL; re-import updates by externalId')
    .option('--org <org>', 'organisation id or unified social credit code (may be left out when there is one organisation)')
    .option('--publish', 'publish the imported listings (skips the TTO review)')
    .addOption(new Option('--mode <mode>', 'all: nothing is written when any row is invalid; valid: write the valid rows').choices(['all', 'valid']).default('all'))
    .addOption(new Option('--encoding <encoding>', 'CSV/JSONL text encoding').choices(['auto', 'utf8', 'gbk']).default('auto'))
    .addOption(new Option('--format <format>', 'file format (default: from the extension or the content)').choices(['csv', 'xlsx', 'jsonl']))
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['zh', 'en']).default('zh'))
    .option('--json', 'print the finished job as JSON')
    .addHelpText('after', `${ENV_HELP}\n\nExit code 0 when every row was imported, 1 otherwise (rejected, partial or failed).`)
    .action(async (file: string, opts: ImportCliOptions) => {
      await withRuntime(loadEnv(), (rt) => importAchievementsCommand(rt, file, opts, out, err));
    });

  program
    .command('search')
    .description('search index commands')
    .command('rebuild')
    .description('re-index every published achievement and demand (the index follows publish/withdraw by itself; use after an upgrade or a dictionary change)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ENV_HELP)
    .action(async (opts: { json?: boolean }) => {
      await withRuntime(loadEnv(), (rt) => rebuildSearchCommand(rt.services, opts, out));
    });

  const matching = program.command('matching').description('semantic matching commands');
  matching
    .command('train')
    .description('train the semantic model (LSA over jieba tokens) on the published achievements and demands, then re-project every listing vector')
    .option('--dims <n>', 'latent dimensions (2–256, default 256)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ENV_HELP)
    .action(async (opts: { dims?: string; json?: boolean }) => {
      await withRuntime(loadEnv(), (rt) => trainMatchingCommand(rt.services, opts, out));
    });
  matching
    .command('notify')
    .description('process pending new-match notifications now (the server does this every 2 s)')
    .addHelpText('after', ENV_HELP)
    .action(async () => {
      await withRuntime(loadEnv(), (rt) => notifyMatchingCommand(rt.services, out));
    });

  const audit = program.command('audit').description('audit trail commands');
  audit
    .command('verify')
    .description('recompute the hash chain and report the first broken link (exit code 1 when broken)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ENV_HELP)
    .action(async (opts: { json?: boolean }) => {
      const result = await withRuntime(loadEnv(), (rt) => rt.services.audit.verify(systemActor('cli:audit-verify')));
      if (opts.json) {
        out(JSON.stringify(result, null, 2));
      } else if (result.ok) {
        out(`audit chain intact: ${result.checked} events verified in ${result.durationMs} ms (head #${result.headSeq ?? 0} ${result.headHash ?? ''})`);
      } else {
        const b = result.firstBroken!;
        err(`audit chain BROKEN at event #${b.seq}: ${b.reason} (expected ${b.expected}, found ${b.actual}); ${result.checked} events before it are intact`);
      }
      process.exitCode = result.ok ? 0 : 1;
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (e) {
    err(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  }
}
