import { eq } from 'drizzle-orm';
import type { Db, DbConn } from '#server/db/types';
import { importJobs } from './imports.tables';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportJobInsert = typeof importJobs.$inferInsert;

export function createImportsRepo(db: Db) {
  return {
    async insert(values: ImportJobInsert, conn: DbConn = db): Promise<ImportJobRow> {
      const [row] = await conn.insert(importJobs).values(values).returning();
      return row!;
    },

    async update(id: string, values: Partial<ImportJobInsert>, conn: DbConn = db): Promise<void> {
      await conn.update(importJobs).set(values).where(eq(importJobs.id, id));
    },

    async findById(id: string, conn: DbConn = db): Promise<ImportJobRow | undefined> {
      const [row] = await conn.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
      return row;
    },
  };
}
export type ImportsRepo = ReturnType<typeof createImportsRepo>;
