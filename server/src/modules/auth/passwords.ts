import { hash, verify } from '@node-rs/argon2';

// argon2id (the library default) with OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}

// Verified against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-0');
  return dummyHash;
}

// A short denylist of the passwords leaked most often that still pass the length and class rules.
const COMMON = new Set([
  'password123',
  'password1234',
  'qwerty123456',
  'qwertyuiop1',
  '1234567890a',
  'a1234567890',
  'abc1234567',
  'abcd123456',
  'iloveyou123',
  'admin123456',
  'woaini1314',
  'woaini520520',
  'zxcvbnm123',
  'aa123456789',
  'qq123456789',
  'passw0rd123',
  'welcome1234',
  'transfernet1',
]);

export function isCommonPassword(plain: string): boolean {
  return COMMON.has(plain.toLowerCase());
}
