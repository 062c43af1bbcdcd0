/** Shared password of the seeded demo accounts; shown only when GET /config says demo=true. */
export const DEMO_PASSWORD = 'Demo2026!pass';

/** The seeded demo accounts, keyed by the label in messages.ts `demoAccounts`. */
export const DEMO_ACCOUNTS = [
  { key: 'admin', email: 'admin@demo.transfernet.cn' },
  { key: 'bj-admin', email: 'bj-admin@demo.transfernet.cn' },
  { key: 'gd-admin', email: 'gd-admin@demo.transfernet.cn' },
  { key: 'bj-registrar', email: 'bj-registrar@demo.transfernet.cn' },
  { key: 'bj-market', email: 'bj-market@demo.transfernet.cn' },
  { key: 'tto', email: 'tto@demo.transfernet.cn' },
  { key: 'broker', email: 'broker@demo.transfernet.cn' },
  { key: 'researcher', email: 'researcher@demo.transfernet.cn' },
  { key: 'enterprise', email: 'enterprise@demo.transfernet.cn' },
  { key: 'investor', email: 'investor@demo.transfernet.cn' },
  { key: 'visitor', email: 'visitor@demo.transfernet.cn' },
] as const;
