import { describe, expect, it } from 'vitest';
import { errorStatus } from '#shared/errors';
import { ApiError, codeForStatus, describeError, isKnownErrorCode, parseErrorResponse, stripPlaceholders } from './api-error';
import { readCookie } from './csrf';
import { buildQueryString, createHttp, type HttpDeps } from './http';
import { newIdempotencyKey } from './idempotency';

type Call = { url: string; init: RequestInit };

function fakeHttp(respond: (call: Call) => Response | Promise<Response>, overrides: Partial<HttpDeps> = {}) {
  const calls: Call[] = [];
  const http = createHttp({
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const call = { url, init: init ?? {} };
      calls.push(call);
      return respond(call);
    },
    getLang: () => 'zh',
    getCsrfToken: () => 'csrf-123',
    newIdempotencyKey: () => 'key-1',
    baseUrl: '/api/v1',
    ...overrides,
  });
  return { http, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('createHttp', () => {
  it('sends same-origin credentials, Accept-Language and no CSRF header on GET', async () => {
    const { http, calls } = fakeHttp(() => json(200, { ok: true }), { getLang: () => 'en' });
    await expect(http.get('/auth/session', { query: { page: 2, q: '', role: undefined } })).resolves.toEqual({ ok: true });
    expect(calls[0]?.url).toBe('/api/v1/auth/session?page=2');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0])['Accept-Language']).toBe('en');
    expect(headersOf(calls[0])['X-CSRF-Token']).toBeUndefined();
  });

  it('sends JSON, the CSRF token and an idempotency key on writes when asked', async () => {
    const { http, calls } = fakeHttp(() => json(201, { id: 'x' }));
    await http.post('/organisations', { name: '机构' }, { idempotencyKey: true });
    const headers = headersOf(calls[0]);
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{"name":"机构"}');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-CSRF-Token']).toBe('csrf-123');
    expect(headers['Idempotency-Key']).toBe('key-1');
    expect(headers['Accept-Language']).toBe('zh-CN');
  });

  it('leaves the CSRF header out when there is no token (anonymous login)', async () => {
    const { http, calls } = fakeHttp(() => json(200, {}), { getCsrfToken: () => null });
    await http.post('/auth/login', { email: 'a@b.cn', password: 'x' });
    expect(headersOf(calls[0])['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(calls[0])['Idempotency-Key']).toBeUndefined();
  });

  it('returns undefined for 204 and empty bodies', async () => {
    const { http } = fakeHttp(() => new Response(null, { status: 204 }));
    await expect(http.delete('/auth/tokens/1')).resolves.toBeUndefined();
  });

  it('turns an error body into an ApiError with code, status, details and request id', async () => {
    const { http } = fakeHttp(() =>
      json(
        400,
        {
          error: {
            code: 'common/validation_failed',
            message: '提交的数据有误，请检查标出的字段',
            details: { issues: [{ path: 'body.email', code: 'invalid_format', message: '邮箱格式不正确' }] },
          },
        },
        { 'x-request-id': 'req-9' },
      ),
    );
    const error = await http.post('/auth/register', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const api = error as ApiError;
    expect(api.status).toBe(400);
    expect(api.code).toBe('common/validation_failed');
    expect(api.message).toBe('提交的数据有误，请检查标出的字段');
    expect(api.requestId).toBe('req-9');
    expect(api.issues).toEqual([{ path: 'body.email', code: 'invalid_format', message: '邮箱格式不正确' }]);
    expect(api.is('common/validation_failed')).toBe(true);
  });

  it('maps a non-JSON error page (proxy 502) to common/unavailable', async () => {
    const { http } = fakeHttp(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = (await http.get('/health').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('common/unavailable');
    expect(error.message).toBe('服务暂不可用');
  });

  it('maps a failed fetch to status 0 common/unavailable', async () => {
    const { http } = fakeHttp(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await http.get('/health').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('common/unavailable');
  });

  it('lets an abort through unchanged', async () => {
    const { http } = fakeHttp(() => {
      throw new DOMException('aborted', 'AbortError');
    });
    const error = await http.get('/health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
  });

  it('rejects a 200 whose body is not JSON', async () => {
    const { http } = fakeHttp(() => new Response('<html>index</html>', { status: 200 }));
    const error = (await http.get('/config').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('common/unavailable');
  });
});

describe('parseErrorResponse', () => {
  it('keeps an unknown code with the server message', () => {
    const error = parseErrorResponse(418, { error: { code: 'future/thing', message: 'Something new' } }, 'en');
    expect(error.code).toBe('future/thing');
    expect(error.message).toBe('Something new');
  });

  it('fills the local text when the server sent a code without a message', () => {
    const error = parseErrorResponse(409, { error: { code: 'auth/email_taken' } }, 'zh');
    expect(error.message).toBe('该邮箱已注册');
  });

  it('derives the code from the status when the body is not ours', () => {
    expect(parseErrorResponse(404, 'Not Found', 'en').code).toBe('common/not_found');
    expect(parseErrorResponse(429, undefined, 'zh').message).toBe('请求过于频繁');
    expect(codeForStatus(500)).toBe('common/internal');
    expect(codeForStatus(0)).toBe('common/unavailable');
  });

  it('ignores a malformed issues list', () => {
    const error = parseErrorResponse(
      400,
      { error: { code: 'common/validation_failed', message: 'x', details: { issues: [1, { path: 2 }] } } },
      'zh',
    );
    expect(error.issues).toEqual([]);
  });
});

describe('isKnownErrorCode', () => {
  it('knows exactly the codes of shared/errors', () => {
    for (const code of Object.keys(errorStatus)) {
      expect(isKnownErrorCode(code)).toBe(true);
    }
    expect(isKnownErrorCode('future/thing')).toBe(false);
    expect(isKnownErrorCode('toString')).toBe(false);
  });
});

describe('describeError', () => {
  const locked = new ApiError(423, 'auth/account_locked', '登录失败次数过多，账户已锁定至 10:30', 'zh', { until: '10:30' });

  it('uses the server message when it is in the current language', () => {
    expect(describeError(locked, 'zh')).toBe('登录失败次数过多，账户已锁定至 10:30');
  });

  it('rebuilds the text from code and details after a language switch', () => {
    expect(describeError(locked, 'en')).toBe('Too many failed sign-ins; the account is locked until 10:30');
  });

  it('never shows a raw placeholder when a detail is missing', () => {
    const error = new ApiError(429, 'common/rate_limited', '请求过于频繁，请 5 秒后再试', 'zh');
    expect(describeError(error, 'en')).toBe('Too many requests');
  });

  it('gives a generic text for anything that is not an ApiError', () => {
    expect(describeError(new Error('x is undefined'), 'zh')).toBe('服务器内部错误，请稍后再试');
  });
});

describe('stripPlaceholders', () => {
  it.each([
    ['请求过于频繁，请 {retryAfter} 秒后再试', '请求过于频繁'],
    ['Too many requests; retry in {retryAfter} s', 'Too many requests'],
    ['请求格式有误：{reason}', '请求格式有误'],
    ['请求体过大（上限 {limit} 字节）', '请求体过大'],
    ['角色“{role}”需由管理员授予', '角色需由管理员授予'],
    ['The role "{role}" must be granted by an administrator', 'The role must be granted by an administrator'],
    ['No placeholder here', 'No placeholder here'],
  ])('%s → %s', (input, expected) => {
    expect(stripPlaceholders(input)).toBe(expected);
  });
});

describe('buildQueryString and readCookie', () => {
  it('encodes values and drops empty ones', () => {
    expect(buildQueryString({ q: '北京 大学', page: 1, mine: true, x: null, y: '' })).toBe(
      '?q=%E5%8C%97%E4%BA%AC+%E5%A4%A7%E5%AD%A6&page=1&mine=true',
    );
    expect(buildQueryString({})).toBe('');
    expect(buildQueryString(undefined)).toBe('');
  });

  it('reads one cookie out of document.cookie', () => {
    expect(readCookie('a=1; tn_csrf=abc%3D; b=2', 'tn_csrf')).toBe('abc=');
    expect(readCookie('tn_csrfx=1', 'tn_csrf')).toBeNull();
    expect(readCookie('', 'tn_csrf')).toBeNull();
  });
});

describe('newIdempotencyKey', () => {
  it('produces distinct UUID v4 strings', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
