import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#server/db/client';
import { TEST_DATABASE_URL } from '../test/helpers/test-env';

// Drives the real `transfernet` command (bin → esbuild bundle) against its own embedded data directory.
const bin = join(import.meta.dirname, '../../bin/transfernet.mjs');
let dataDir: string;

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'tn-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe.skipIf(!!TEST_DATABASE_URL)('transfernet CLI (embedded)', () => {
  it('prints help for every command', { timeout: 60_000 }, () => {
    for (const cmd of [[], ['serve'], ['migrate'], ['seed'], ['create-admin'], ['audit', 'verify']]) {
      const r = run([...cmd, '--help']);
      expect(r.code, `${cmd.join(' ')} --help`).toBe(0);
      expect(r.out).toContain('Usage: transfernet');
      expect(r.out).toContain('DATA_DIR');
    }
  });

  it('migrates, seeds once, creates an admin and verifies the audit chain', { timeout: 180_000 }, () => {
    expect(run(['migrate']).code).toBe(0);
    const seed = run(['seed']);
    expect(seed.code).toBe(0);
    expect(seed.out).toContain('demo data loaded');
    expect(run(['seed']).out).toContain('already present');
    const admin = run(['create-admin', '--email', 'ops@example.cn']);
    expect(admin.code).toBe(0);
    expect(admin.out).toMatch(/generated password: \S{10,}/);
    const bad = run(['create-admin', '--email', 'ops2@example.cn', '--password', 'short']);
    expect(bad.code).toBe(1);
    const verify = run(['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
    const result = JSON.parse(verify.out.slice(verify.out.indexOf('{')));
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(30);
  });

  it('exits 1 and names the broken event after tampering', { timeout: 60_000 }, async () => {
    const h = await openDatabase({ dataDir, worker: false });
    await h.db.execute(sql`alter table audit_events disable trigger audit_events_append_only`);
    await h.db.execute(sql`update audit_events set entity_id = 'tampered' where seq = 5`);
    await h.close();
    const r = run(['audit', 'verify']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('BROKEN at event #5');
  });
});
