/** Name of the non-HttpOnly cookie in which the server mirrors the session's CSRF token. */
export const CSRF_COOKIE = 'tn_csrf';
/** Header every non-GET request of a signed-in user must carry. */
export const CSRF_HEADER = 'X-CSRF-Token';

let remembered: string | null = null;

/** Keeps the token of the latest Session object (login, register, GET /auth/session). */
export function rememberCsrfToken(token: string | null): void {
  remembered = token;
}

/** Reads one cookie from a `document.cookie` string. */
export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

/**
 * The CSRF token to send. The cookie wins because it always belongs to the current session, even
 * when another tab signed in again; the remembered token covers a cookie the browser withholds.
 */
export function currentCsrfToken(): string | null {
  const cookie = typeof document === 'undefined' ? null : readCookie(document.cookie, CSRF_COOKIE);
  return cookie || remembered;
}
