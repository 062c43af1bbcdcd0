import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#server/db/types';
import { parseEnv } from '#server/config/env';
import { fixedClock } from '#server/lib/clock';
import { createServices } from '#server/services';
import { insertOrganisation, insertUser, makeActor } from '#server/test-factories';
import { createTestApp, type Agent, type TestApp } from '#server/test-app';
import { engineAvailable, SEARCH_ENGINES, SEARCH_RATE_LIMIT } from './index';

const API = '/api/v1/achievements';
const SEARCH = `${API}/search`;
const XSS = '<script>alert(1)</script>';
const clock = fixedClock('2026-03-01T08:00:00Z');

let t: TestApp;
let uniId: string;
let gdUniId: string;
const a = {} as Record<'researcher' | 'tto' | 'gdResearcher' | 'gdTto' | 'buyer', Agent>;
let companyId: string;
const ids: Record<string, string> = {};

function listing(over: Record<string, unknown> = {}) {
  return {
    ownerOrgId: uniId,
    title: '高镍正极材料表面包覆工艺',
    abstract: '本成果提出一种高镍正极材料表面包覆工艺，循环 1000 次容量保持率 92%，适用于动力电池。',
    keywords: ['高镍正极', '包覆'],
    domainCode: 'TD07',
    industryCodes: ['3841'],
    trl: 6,
    transferModes: ['LICENSE'],
    priceMode: 'range',
    priceMinFen: 50_000_000,
    priceMaxFen: 80_000_000,
    ...over,
  };
}

/** Creates, submits and approves a listing (Beijing university unless `gd`). */
async function publish(over: Record<string, unknown> = {}, gd = false): Promise<string> {
  const [author, reviewer] = gd ? [a.gdResearcher, a.gdTto] : [a.researcher, a.tto];
  const res = await t.request('POST', API, { as: author, body: listing({ ownerOrgId: gd ? gdUniId : uniId, ...over }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  expect((await t.request('POST', `${API}/${id}/submit`, { as: author })).status).toBe(200);
  const ok = await t.request('POST', `${API}/${id}/approve`, { as: reviewer });
  expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  return id;
}

const search = async (qs: string) => {
  const res = await t.request('GET', `${SEARCH}?${qs}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: any[]; total: number; terms: string[]; engine: string; facets?: any };
};
const hitIds = async (qs: string) => (await search(qs)).items.map((i) => i.id as string);

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.handle.db;
  const uni = await insertOrganisation(db, { name: '北京检索大学', type: 'university', regionCode: '110108', isTechTransferOrg: true });
  const gdUni = await insertOrganisation(db, { name: '广州检索大学', type: 'university', regionCode: '440106', isTechTransferOrg: true });
  const company = await insertOrganisation(db, { name: '深圳检索电池有限公司', regionCode: '440305' });
  uniId = uni.id;
  gdUniId = gdUni.id;
  companyId = company.id;
  const specs = {
    researcher: { regionCode: '110108', roles: [{ role: 'researcher' as const }], orgs: [{ organisationId: uni.id, role: 'member' as const }] },
    tto: { regionCode: '110108', roles: [{ role: 'tto_officer' as const, organisationId: uni.id }] },
    gdResearcher: { regionCode: '440106', roles: [{ role: 'researcher' as const }], orgs: [{ organisationId: gdUni.id, role: 'member' as const }] },
    gdTto: { regionCode: '440106', roles: [{ role: 'tto_officer' as const, organisationId: gdUni.id }] },
    buyer: { regionCode: '440305', roles: [{ role: 'enterprise_member' as const }], orgs: [{ organisationId: company.id, role: 'member' as const }] },
  };
  for (const [key, spec] of Object.entries(specs)) {
    await insertUser(db, { ...spec, email: `${key.toLowerCase()}@search.test`, displayName: key });
  }
  for (const k of Object.keys(specs)) {
    a[k as keyof typeof a] = await t.login(`${k.toLowerCase()}@search.test`);
  }
  ids.cathode = await publish();
  ids.titleHit = await publish({
    title: '钠离子电池负极硬碳材料',
    abstract: '以生物质为原料制备硬碳，首效 88%。',
    keywords: ['储能'],
    domainCode: 'TD07',
    industryCodes: ['3849'],
    trl: 4,
    transferModes: ['ASSIGN'],
    priceMode: 'negotiable',
    priceMinFen: undefined,
    priceMaxFen: undefined,
  });
  ids.abstractHit = await publish({
    title: '低成本储能系统集成方案',
    abstract: '方案兼容钠离子电池与锂电池，储能电站成本降低 20%。',
    keywords: ['储能系统'],
    domainCode: 'TD05',
    industryCodes: ['4411'],
    trl: 8,
    transferModes: ['SERVICE'],
    priceMode: 'fixed',
    priceMinFen: 2_000_000,
    priceMaxFen: undefined,
  }, true);
  ids.xss = await publish({ title: `${XSS}钙钛矿光伏组件`, abstract: `钙钛矿叠层光伏组件，效率 26%。<img src=x onerror=alert(1)>`, keywords: ['钙钛矿'], domainCode: 'TD05', industryCodes: ['3825'] }, true);
}, 120_000);
afterAll(() => t.close());

describe('GET /api/v1/achievements/search', () => {
  it('finds a published listing anonymously, with the analysed terms and the engine', async () => {
    const r = await search('q=高镍正极包覆');
    expect(r.items[0]).toMatchObject({ id: ids.cathode, title: '高镍正极材料表面包覆工艺', status: 'published', ownerOrgName: '北京检索大学', regionName: expect.stringContaining('海淀'), stale: false });
    expect(r.items[0].score).toBeGreaterThan(0);
    expect(r.terms).toEqual(expect.arrayContaining(['高镍正极', '正极', '包覆']));
    expect(SEARCH_ENGINES).toContain(r.engine);
    expect(r.total).toBeGreaterThanOrEqual(1);
  });

  it('is not captured by /achievements/:id', async () => {
    const res = await t.request('GET', `${SEARCH}?q=电池`);
    expect(res.status).toBe(200);
    expect(res.body.items).toBeInstanceOf(Array);
  });

  it('makes a listing findable on publish and gone on withdraw, in the same transaction', async () => {
    const created = await t.request('POST', API, { as: a.researcher, body: listing({ title: '石墨烯导热膜量产工艺', keywords: ['石墨烯'] }) });
    const id = created.body.id as string;
    expect(await hitIds('q=石墨烯导热膜')).not.toContain(id); // draft
    await t.request('POST', `${API}/${id}/submit`, { as: a.researcher });
    expect(await hitIds('q=石墨烯导热膜')).not.toContain(id); // submitted
    await t.request('POST', `${API}/${id}/approve`, { as: a.tto });
    expect(await hitIds('q=石墨烯导热膜')).toContain(id);
    expect((await t.request('POST', `${API}/${id}/withdraw`, { as: a.researcher })).status).toBe(200);
    expect(await hitIds('q=石墨烯导热膜')).not.toContain(id);
  });

  it('is consistent across processes: another app instance on the same database sees publications at once', async () => {
    const other = createServices(t.handle, clock, { version: 'other', auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'other-secret-other-secret-other-secret' } });
    const id = await publish({ title: '微流控芯片即时检测平台', keywords: ['微流控'] });
    const found = await other.search.searchAchievements({ kind: 'anonymous', ip: '127.0.0.1', requestId: 'x' }, { q: '微流控芯片', limit: 10, offset: 0, sort: 'relevance' }, 'zh');
    expect(found.items.map((i) => i.id)).toContain(id);
    await t.request('POST', `${API}/${id}/withdraw`, { as: a.researcher });
    const gone = await other.search.searchAchievements({ kind: 'anonymous', ip: '127.0.0.1', requestId: 'x' }, { q: '微流控芯片', limit: 10, offset: 0, sort: 'relevance' }, 'zh');
    expect(gone.items.map((i) => i.id)).not.toContain(id);
  });

  it('ranks a title match above an abstract-only match', async () => {
    const r = await hitIds('q=钠离子电池');
    expect(r.indexOf(ids.titleHit!)).toBe(0);
    expect(r).toContain(ids.abstractHit);
  });

  it('applies filters together with ranking', async () => {
    expect(await hitIds('q=电池&domainCode=TD05')).toEqual([ids.abstractHit]);
    expect(await hitIds('q=电池&industryCode=38')).toEqual(expect.arrayContaining([ids.cathode, ids.titleHit]));
    expect(await hitIds('q=电池&industryCode=38')).not.toContain(ids.abstractHit);
    expect(await hitIds('q=电池&industryCode=C')).not.toContain(ids.abstractHit); // section C covers 38xx
    expect(await hitIds('q=电池&industryCode=C')).toContain(ids.cathode);
    expect(await hitIds('q=电池&regionCode=440000')).toEqual([ids.abstractHit]); // province covers 440106
    expect(await hitIds('q=电池&regionCode=110000')).not.toContain(ids.abstractHit);
    expect(await hitIds('q=电池&trlMin=5&trlMax=7')).toEqual([ids.cathode]);
    expect(await hitIds('q=电池&transferMode=ASSIGN,SERVICE')).toEqual(expect.arrayContaining([ids.titleHit, ids.abstractHit]));
    expect(await hitIds('q=电池&transferMode=ASSIGN,SERVICE')).not.toContain(ids.cathode);
    // 面议 passes any price filter; 500,000 yuan range is above 100,000 yuan.
    const cheap = await hitIds('q=电池&priceMaxFen=10000000');
    expect(cheap).toEqual(expect.arrayContaining([ids.titleHit, ids.abstractHit]));
    expect(cheap).not.toContain(ids.cathode);
    expect(await hitIds('q=电池&priceMinFen=60000000')).toEqual(expect.arrayContaining([ids.cathode, ids.titleHit]));
    expect(await hitIds('q=电池&openLicence=true')).toEqual([]);
  });

  it('browses by filters alone (newest first), with an exact total', async () => {
    const r = await search('regionCode=440000&limit=1');
    expect(r.total).toBe(2);
    expect(r.items).toHaveLength(1);
    const next = await search('regionCode=440000&limit=1&offset=1');
    expect(next.items[0].id).not.toBe(r.items[0].id);
  });

  it('returns facets with labels', async () => {
    const r = await search('q=电池&facets=true');
    expect(r.facets.domain).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'TD07', count: 2 }), expect.objectContaining({ value: 'TD05', count: 1 })]));
    expect(r.facets.province).toEqual(expect.arrayContaining([expect.objectContaining({ value: '110000', label: '北京市', count: 2 })]));
    expect(r.facets.industry).toEqual(expect.arrayContaining([expect.objectContaining({ value: '38', count: 2 })]));
    expect(r.facets.transferMode).toEqual(expect.arrayContaining([expect.objectContaining({ value: 'LICENSE', label: '许可' })]));
    expect(r.facets.trl.map((b: { value: string }) => b.value)).toEqual(['4', '6', '8']);
  });

  it('highlights matches as offset ranges into plain text', async () => {
    const r = await search('q=高镍正极');
    const title = r.items[0].highlights.find((h: { field: string }) => h.field === 'title');
    expect(title.text).toBe('高镍正极材料表面包覆工艺');
    expect(title.ranges.map(([s, e]: [number, number]) => title.text.slice(s, e))).toEqual(['高镍正极']);
    const abstract = r.items[0].highlights.find((h: { field: string }) => h.field === 'abstract');
    for (const [s, e] of abstract.ranges) {
      expect(['高镍', '正极', '高镍正极']).toContain(abstract.text.slice(s, e));
    }
  });

  it('returns script payloads as inert text', async () => {
    const res = await t.request('GET', `${SEARCH}?q=钙钛矿`);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const hit = res.body.items[0];
    expect(hit.id).toBe(ids.xss);
    expect(hit.title).toBe(`${XSS}钙钛矿光伏组件`);
    const title = hit.highlights.find((h: { field: string }) => h.field === 'title');
    expect(title.text).toBe(hit.title);
    expect(title.ranges.map(([s, e]: [number, number]) => title.text.slice(s, e))).toEqual(['钙钛矿']);
  });

  it('sorts and paginates', async () => {
    const byTrl = await search('q=电池&sort=trl_desc');
    expect(byTrl.items.map((i) => i.trl)).toEqual([...byTrl.items.map((i) => i.trl)].sort((x, y) => y - x));
    const all = await hitIds('q=电池');
    expect(await hitIds('q=电池&limit=1&offset=1')).toEqual(all.slice(1, 2));
  });

  it('ranks stale listings down and flags them', async () => {
    const first = await publish({ title: '超声波焊接设备', abstract: '超声波焊接设备，焊接强度高。', keywords: ['超声波焊接'] });
    const second = await publish({ title: '超声波焊接设备', abstract: '超声波焊接设备，焊接强度高。', keywords: ['超声波焊接'] });
    clock.advance(400 * 24 * 3_600_000);
    try {
      const fresh = await t.login('researcher@search.test'); // the old session expired with the clock
      expect((await t.request('POST', `${API}/${second}/confirm`, { as: fresh })).status).toBe(200);
      const r = await search('q=超声波焊接');
      expect(r.items.map((i) => i.id).slice(0, 2)).toEqual([second, first]);
      expect(r.items[1].stale).toBe(true);
      expect(r.items[0].stale).toBe(false);
      expect(r.items[1].score).toBeLessThan(r.items[0].score);
    } finally {
      clock.advance(-400 * 24 * 3_600_000);
    }
  });

  it('rejects empty, meaningless and over-long queries with search/query_invalid', async () => {
    for (const qs of ['', 'q=', 'q=%20%20', `q=${encodeURIComponent('的')}`, `q=${encodeURIComponent('！？。')}`, `q=${'电'.repeat(10_000)}`, `q=${'a'.repeat(501)}`]) {
      const res = await t.request('GET', `${SEARCH}?${qs}`);
      expect(res.status, qs.slice(0, 20)).toBe(400);
      expect(res.body.error.code).toBe('search/query_invalid');
    }
    const longer = await t.request('GET', `${SEARCH}?q=${'电'.repeat(10_001)}`);
    expect(longer.status).toBe(400);
  });

  it('rejects unknown filter values with 400 (never 500)', async () => {
    for (const qs of ['q=电池&domainCode=TD99', 'q=电池&industryCode=9999', 'q=电池&regionCode=990000']) {
      const res = await t.request('GET', `${SEARCH}?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.error.code).toBe('search/unknown_filter');
    }
    for (const qs of ['q=电池&trlMin=12', 'q=电池&transferMode=GIFT', 'q=电池&ipKind=magic', 'q=电池&sort=random', 'q=电池&limit=1000', 'q=电池&openLicence=yes', 'q=电池&regionCode=abc']) {
      const res = await t.request('GET', `${SEARCH}?${qs}`);
      expect(res.status, qs).toBe(400);
    }
  });

  it('survives odd input without a 500', async () => {
    for (const q of ["'; drop table search_documents; --", '\\', '电池 & | ! ( ) :*', '%', '\u0000电池', '𠀀𠀁 emoji 😀 电池']) {
      const res = await t.request('GET', `${SEARCH}?q=${encodeURIComponent(q)}`);
      expect([200, 400], q).toContain(res.status);
    }
    expect((await search('q=电池')).items.length).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/demands/search', () => {
  const DEMANDS = '/api/v1/demands';
  const demand = (over: Record<string, unknown> = {}) => ({
    ownerOrgId: companyId,
    title: '固态电池电解质界面阻抗降低',
    description: '现有硫化物固态电解质与正极界面阻抗过高，寻求界面包覆或缓冲层方案。',
    keywords: ['固态电池'],
    domainCode: 'TD07',
    industryCodes: ['3841'],
    budgetMinFen: 10_000_000,
    budgetMaxFen: 50_000_000,
    trlNeeded: 5,
    cooperationModes: ['JOINT'],
    ...over,
  });

  it('finds a published demand and forgets it when withdrawn', async () => {
    const created = await t.request('POST', DEMANDS, { as: a.buyer, body: demand() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const ids = async () => ((await t.request('GET', `${DEMANDS}/search?q=${encodeURIComponent('固态电解质')}`)).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids()).not.toContain(id);
    expect((await t.request('POST', `${DEMANDS}/${id}/publish`, { as: a.buyer })).status).toBe(200);
    const res = await t.request('GET', `${DEMANDS}/search?q=${encodeURIComponent('固态电解质')}&regionCode=440000`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id, title: '固态电池电解质界面阻抗降低', ownerOrgName: '深圳检索电池有限公司', trlNeeded: 5, cooperationModes: ['JOINT'], budgetMinFen: 10_000_000 });
    expect(res.body.items[0].highlights.some((h: { field: string }) => h.field === 'description')).toBe(true);
    // Achievements and demands are separate indexes.
    expect(await hitIds(`q=${encodeURIComponent('固态电解质')}`)).not.toContain(id);
    expect((await t.request('POST', `${DEMANDS}/${id}/withdraw`, { as: a.buyer })).status).toBe(200);
    expect(await ids()).not.toContain(id);
  });
});

describe('rate limit', () => {
  it('limits each client per minute when RATE_LIMIT is on (and not when off)', async () => {
    const limited = await createTestApp({ rateLimit: true, handle: t.handle });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < SEARCH_RATE_LIMIT.max + 1; i++) {
        statuses.push((await limited.request('GET', `${SEARCH}?q=${encodeURIComponent('电池')}`)).status);
      }
      expect(statuses.slice(0, SEARCH_RATE_LIMIT.max).every((s) => s === 200)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.app.close();
    }
    // The shared test app runs with the limit off: the same burst passes.
    for (let i = 0; i < SEARCH_RATE_LIMIT.max + 1; i++) {
      expect((await t.request('GET', `${SEARCH}?regionCode=440000`)).status).toBe(200);
    }
  });
});

describe('search rebuild', () => {
  it('re-indexes every published listing and drops rows that are not published', async () => {
    const before = await t.services.search.count('achievement');
    // An index row damaged behind the application's back (text and facets) is rewritten whole.
    await t.handle.db.execute(sql`update search_documents set title = '损坏', analysed = '损坏', tsv = to_tsvector('simple', '损坏'), region_code = '000000' where id = ${ids.titleHit}`);
    expect(await hitIds('q=钠离子电池')).not.toContain(ids.titleHit);
    const r = await t.services.search.rebuild(makeActor([{ role: 'platform_admin' }]), t.services.publishedListings);
    expect(r.achievements).toBe(before);
    expect(await t.services.search.count('achievement')).toBe(before);
    expect(await hitIds('q=钠离子电池')).toContain(ids.titleHit);
    const [row] = rowsOf<{ title: string; region_code: string }>(await t.handle.db.execute(sql`select title, region_code from search_documents where id = ${ids.titleHit}`));
    expect(row?.title).not.toBe('损坏');
    expect(row?.region_code).not.toBe('000000');
    await expect(t.services.search.rebuild(makeActor([]), t.services.publishedListings)).rejects.toMatchObject({ code: 'common/forbidden' });
  });
});

describe('search rebuild of an empty index', () => {
  it('loads without the runtime index and builds it once; everything is searchable again', async () => {
    const before = await t.services.search.count('achievement');
    await t.handle.db.execute(sql`delete from search_documents where kind = 'achievement'`);
    expect(await hitIds('q=钠离子电池')).toEqual([]);
    const r = await t.services.search.rebuild(makeActor([{ role: 'platform_admin' }]), t.services.publishedListings);
    expect(r.achievements).toBe(before);
    expect(await t.services.search.count('achievement')).toBe(before);
    expect((await hitIds('q=钠离子电池'))[0]).toBe(ids.titleHit);
    const engine = (await search('q=电池')).engine;
    const indexes = rowsOf<{ indexname: string }>(await t.handle.db.execute(sql`select indexname from pg_indexes where tablename = 'search_documents'`)).map((x) => x.indexname);
    if (engine !== 'tsvector') {
      expect(indexes).toContain(`search_documents_achievement_${engine === 'pg_textsearch' ? 'bm25' : 'rum'}`);
    }
  });
});

describe('keywordCandidates', () => {
  it('returns BM25 top-k ids with the shared terms, under filters', async () => {
    const c = await t.services.search.keywordCandidates({ kind: 'achievement', text: '我们需要钠离子电池的硬碳负极材料', limit: 5 });
    expect(c[0]).toMatchObject({ id: ids.titleHit });
    expect(c[0]!.terms).toEqual(expect.arrayContaining(['硬碳', '负极']));
    const filtered = await t.services.search.keywordCandidates({ kind: 'achievement', text: '钠离子电池', filters: { regionCode: '440000' }, limit: 5 });
    expect(filtered.map((x) => x.id)).toEqual([ids.abstractHit]);
  });
});

describe('every engine the database offers', () => {
  const anon = { kind: 'anonymous' as const, ip: '127.0.0.1', requestId: 'engines' };
  for (const engine of SEARCH_ENGINES) {
    it(`${engine}: after a rebuild, ranks the title hit first, honours a province filter, feeds matching`, async (ctx) => {
      if (!engineAvailable(engine, t.handle.capabilities)) {
        ctx.skip();
      }
      const svc = createServices(t.handle, clock, {
        version: engine,
        auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'engine-secret-engine-secret-engine-secret' },
        searchEngine: engine,
      });
      await svc.search.rebuild(makeActor([{ role: 'platform_admin' }]), svc.publishedListings);
      const found = await svc.search.searchAchievements(anon, { q: '钠离子电池', limit: 10, offset: 0, sort: 'relevance' }, 'zh');
      expect(found.engine).toBe(engine);
      expect(found.items[0]?.id).toBe(ids.titleHit);
      expect(found.items.map((i) => i.id)).toContain(ids.abstractHit);
      expect(found.items.map((i) => i.id)).not.toContain(ids.xss);
      const gd = await svc.search.searchAchievements(anon, { q: '钠离子电池', regionCode: '440000', limit: 10, offset: 0, sort: 'relevance' }, 'zh');
      expect(gd.items.map((i) => i.id)).toEqual([ids.abstractHit]);
      const candidates = await svc.search.keywordCandidates({ kind: 'achievement', text: '我们需要钠离子电池的硬碳负极材料', limit: 5 });
      expect(candidates[0]?.id).toBe(ids.titleHit);
    });
  }

  it('rum: the ranked top k is read from the RUM index in rank order, not sorted', async (ctx) => {
    if (!t.handle.capabilities.rum) {
      ctx.skip();
    }
    const plan = await t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      return rowsOf<Record<string, string>>(
        await tx.execute(sql`explain select id from search_documents, (select to_tsquery('simple', '钠离子 | 电池') as q) q
          where kind = 'achievement' and tsv @@ q.q order by tsv <=> q.q limit 20`),
      )
        .map((r) => Object.values(r)[0])
        .join('\n');
    });
    expect(plan).toMatch(/Index Scan using search_documents_achievement_rum/);
  });

  it('SEARCH_ENGINE accepts exactly the engines the search module knows', () => {
    for (const engine of SEARCH_ENGINES) {
      expect(parseEnv({ SEARCH_ENGINE: engine }).SEARCH_ENGINE).toBe(engine);
    }
    expect(() => parseEnv({ SEARCH_ENGINE: 'elasticsearch' })).toThrow(/SEARCH_ENGINE/);
  });

  it('a forced engine the database lacks stops the start with a clear error', () => {
    const missing = SEARCH_ENGINES.find((e) => !engineAvailable(e, t.handle.capabilities));
    if (!missing) {
      return;
    }
    expect(() =>
      createServices(t.handle, clock, { version: 'x', auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'engine-secret-engine-secret-engine-secret' }, searchEngine: missing }),
    ).toThrow(new RegExp(`search engine ${missing} is not available`));
  });
});
