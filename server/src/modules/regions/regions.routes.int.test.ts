import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeListSchema, RegionSchema, type CodeList } from '#shared/contracts/regions.contract';
import { openDatabase } from '#server/db/client';
import { rowsOf, type DbHandle } from '#server/db/types';
import { isAppError } from '#server/lib/app-error';
import { createRegionsRepo, createRegionsService, regionsRoutes, syncReferenceData } from './index';
import { industries, regions } from './regions.tables';

let handle: DbHandle;
let app: FastifyInstance;
let firstSync: Awaited<ReturnType<typeof syncReferenceData>>;
let secondSync: Awaited<ReturnType<typeof syncReferenceData>>;
let secondSyncMs = 0;

beforeAll(async () => {
  handle = await openDatabase({ dataDir: 'memory://', worker: false });
  firstSync = await syncReferenceData(handle.db);
  const t = performance.now();
  secondSync = await syncReferenceData(handle.db);
  secondSyncMs = performance.now() - t;

  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Stand-in for the server's error handler: AppError → its status and code.
  app.setErrorHandler((err, _req, reply) => {
    if (isAppError(err)) {
      return reply.code(err.status).send({ error: { code: err.code } });
    }
    return reply.code((err as { statusCode?: number }).statusCode ?? 500).send({ error: { code: 'unexpected' } });
  });
  const service = createRegionsService({ db: handle.db, repo: createRegionsRepo(handle.db) });
  await app.register(regionsRoutes, { prefix: '/api/v1', service });
  await app.ready();
}, 60_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('syncReferenceData', () => {
  it('loads regions and industries once, then finds nothing to do', () => {
    expect(firstSync).toEqual({ regions: 3682, industries: 1971, changed: true });
    expect(secondSync).toEqual({ regions: 3682, industries: 1971, changed: false });
    expect(secondSyncMs).toBeLessThan(200);
  });

  it('stores 34 provinces including Hong Kong, Macao and Taiwan', async () => {
    const provinces = await handle.db.select().from(regions).where(eq(regions.level, 'province'));
    expect(provinces).toHaveLength(34);
    expect(provinces.filter((p) => p.zone === 'hmt').map((p) => p.code).sort()).toEqual(['710000', '810000', '820000']);
  });

  it('links cities to provinces and municipal districts directly to the municipality', async () => {
    const [shenzhen] = await handle.db.select().from(regions).where(eq(regions.code, '440300'));
    expect(shenzhen).toEqual({ code: '440300', name: '深圳市', level: 'city', parentCode: '440000', provinceCode: '440000', zone: 'east' });
    const [haidian] = await handle.db.select().from(regions).where(eq(regions.code, '110108'));
    expect(haidian).toMatchObject({ name: '海淀区', level: 'county', parentCode: '110000' });
  });

  it('stores 1971 industries whose parents all exist', async () => {
    const [row] = rowsOf<{ total: number; orphans: number }>(
      await handle.db.execute(sql`
        select count(*)::int as total,
               count(*) filter (where c.parent_code is not null
                 and not exists (select 1 from industries p where p.code = c.parent_code))::int as orphans
        from industries c`),
    );
    expect(row).toEqual({ total: 1971, orphans: 0 });
    const [software] = await handle.db.select().from(industries).where(eq(industries.code, '6513'));
    expect(software).toMatchObject({ name: '应用软件开发', parentCode: '651', level: 3 });
  });

  it('repairs an edited row and restores a deleted one', async () => {
    await handle.db.update(regions).set({ name: '海淀' }).where(eq(regions.code, '110108'));
    await handle.db.delete(industries).where(eq(industries.code, '6513'));
    expect((await syncReferenceData(handle.db)).changed).toBe(true);
    const [haidian] = await handle.db.select().from(regions).where(eq(regions.code, '110108'));
    expect(haidian?.name).toBe('海淀区');
    expect(await handle.db.select().from(industries).where(eq(industries.code, '6513'))).toHaveLength(1);
    expect((await syncReferenceData(handle.db)).changed).toBe(false);
  });

  it('deletes rows gone from the reference data but keeps regions still referenced', async () => {
    const stale = { level: 'county', parentCode: '110000', provinceCode: '110000', zone: 'east' } as const;
    await handle.db.insert(regions).values([
      { code: '110198', name: '已撤销区（无引用）', ...stale },
      { code: '110199', name: '已撤销区（有引用）', ...stale },
    ]);
    await handle.db.insert(industries).values({ code: '9999', name: 'obsolete', parentCode: '999', level: 3 });
    await handle.db.execute(
      sql`insert into users (email, password_hash, display_name, region_code) values ('stale@example.com', 'x', 'x', '110199')`,
    );
    expect((await syncReferenceData(handle.db)).changed).toBe(true);
    const left = await handle.db.select({ code: regions.code }).from(regions).where(sql`${regions.code} in ('110198', '110199')`);
    expect(left).toEqual([{ code: '110199' }]);
    expect(await handle.db.select().from(industries).where(eq(industries.code, '9999'))).toEqual([]);
    // The kept row makes the fingerprint differ; later syncs compare rows and write nothing.
    expect((await syncReferenceData(handle.db)).changed).toBe(false);
    await handle.db.execute(sql`delete from users where email = 'stale@example.com'`);
    expect((await syncReferenceData(handle.db)).changed).toBe(true);
    expect((await syncReferenceData(handle.db)).changed).toBe(false);
  });
});

describe('GET /api/v1/code-lists', () => {
  it('lists all code lists with totals, cacheable', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/code-lists' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const body = res.json<{ items: { name: string; total: number }[] }>();
    expect(body.items.find((i) => i.name === 'regions')?.total).toBe(3682);
    expect(body.items.find((i) => i.name === 'industries')?.total).toBe(1971);
    expect(body.items).toHaveLength(11);
  });
});

describe('GET /api/v1/code-lists/:name', () => {
  it('finds industries by name substring', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/code-lists/industries?q=${encodeURIComponent('软件')}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const body = CodeListSchema.parse(res.json());
    expect(body).toMatchObject({ name: 'industries', title: '国民经济行业分类' });
    expect(body.items.map((i) => i.code)).toEqual(expect.arrayContaining(['I', '65', '651', '6511', '6513']));
    expect(body.items.every((i) => i.name.includes('软件'))).toBe(true);
    expect(body.total).toBe(body.items.length);
  });

  it('returns the cities of Guangdong for parent=440000', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/code-lists/regions?parent=440000' });
    expect(res.statusCode).toBe(200);
    const body = res.json<CodeList>();
    expect(body.total).toBe(21);
    expect(body.items.every((i) => i.parentCode === '440000' && i.level === 1)).toBe(true);
    expect(body.items.find((i) => i.code === '440300')).toEqual({
      code: '440300',
      name: '深圳市',
      parentCode: '440000',
      level: 1,
      extra: { zone: 'east', provinceCode: '440000' },
    });
  });

  it('filters regions by level and by code prefix', async () => {
    const provinces = (await app.inject({ method: 'GET', url: '/api/v1/code-lists/regions?level=0' })).json<CodeList>();
    expect(provinces.total).toBe(34);
    const shenzhen = (await app.inject({ method: 'GET', url: '/api/v1/code-lists/regions?q=4403&level=2' })).json<CodeList>();
    expect(shenzhen.items.map((i) => i.name)).toContain('南山区');
    expect(shenzhen.items.every((i) => i.code.startsWith('4403'))).toBe(true);
  });

  it('serves the static lists', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/code-lists/contract-types?parent=LIC' });
    expect(res.json<CodeList>().items.map((i) => i.code)).toEqual(['LIC-PAT', 'LIC-SEC', 'LIC-OTH']);
  });

  it('answers 404 code_list/not_found for an unknown list', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/code-lists/colours' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'code_list/not_found' } });
  });

  it('rejects an invalid level', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/code-lists/regions?level=abc' });
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/v1/regions/:code', () => {
  it('returns one region', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/regions/810000' });
    expect(res.statusCode).toBe(200);
    expect(RegionSchema.parse(res.json())).toEqual({
      code: '810000',
      name: '香港特别行政区',
      level: 'province',
      parentCode: null,
      provinceCode: '810000',
      zone: 'hmt',
    });
  });

  it('answers 404 region/not_found for an unknown code', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/regions/999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'region/not_found' } });
  });
});
