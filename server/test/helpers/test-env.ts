// Test infrastructure reads the environment directly (the app reads it only in config/env.ts).
 
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** A connection string for another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
