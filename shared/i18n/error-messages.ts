import type { ErrorCode } from '../errors';

export type Lang = 'zh' | 'en';

/**
 * User-facing text for every error code, Chinese first. The Record type makes the compiler flag a
 * code without text. `{name}` placeholders are filled from the error's details.
 */
export const errorMessages: Record<ErrorCode, { zh: string; en: string }> = {
  'common/validation_failed': { zh: '提交的数据有误，请检查标出的字段', en: 'The request has invalid fields' },
  'common/bad_request': { zh: '请求格式有误：{reason}', en: 'Malformed request: {reason}' },
  'common/unauthenticated': { zh: '请先登录', en: 'Please sign in first' },
  'common/session_expired': { zh: '登录已过期，请重新登录', en: 'Your session has expired; please sign in again' },
  'common/csrf_invalid': { zh: '安全校验失败（CSRF），请刷新页面后重试', en: 'Security check failed (CSRF); reload the page and try again' },
  'common/forbidden': { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'common/token_scope_insufficient': { zh: 'API 令牌权限范围不足（需要 {scope}）', en: 'API token lacks the {scope} scope' },
  'common/not_found': { zh: '未找到该资源', en: 'Not found' },
  'common/route_not_found': { zh: '接口不存在：{method} {path}', en: 'No such endpoint: {method} {path}' },
  'common/conflict': { zh: '数据已被修改，请刷新后重试', en: 'The data changed meanwhile; reload and retry' },
  'common/idempotency_in_progress': { zh: '相同幂等键的请求正在处理中', en: 'A request with this idempotency key is still being processed' },
  'common/idempotency_key_reused': { zh: '幂等键已用于另一个不同的请求', en: 'This idempotency key was used for a different request' },
  'common/payload_too_large': { zh: '请求体过大（上限 {limit} 字节）', en: 'Request body too large (limit {limit} bytes)' },
  'common/unsupported_media_type': { zh: '不支持的内容类型：{contentType}', en: 'Unsupported content type: {contentType}' },
  'common/rate_limited': { zh: '请求过于频繁，请 {retryAfter} 秒后再试', en: 'Too many requests; retry in {retryAfter} s' },
  'common/internal': { zh: '服务器内部错误，请稍后再试', en: 'Internal server error' },
  'common/unavailable': { zh: '服务暂不可用', en: 'Service unavailable' },

  'auth/invalid_credentials': { zh: '邮箱或密码错误', en: 'Wrong e-mail or password' },
  'auth/account_locked': { zh: '登录失败次数过多，账户已锁定至 {until}', en: 'Too many failed sign-ins; the account is locked until {until}' },
  'auth/account_disabled': { zh: '该账户已被停用', en: 'This account is disabled' },
  'auth/email_taken': { zh: '该邮箱已注册', en: 'This e-mail is already registered' },
  'auth/weak_password': { zh: '密码过于常见，请换一个', en: 'This password is too common; choose another' },
  'auth/role_not_self_service': { zh: '角色“{role}”需由管理员授予', en: 'The role "{role}" must be granted by an administrator' },
  'auth/role_requires_region': { zh: '角色“{role}”必须指定行政区划', en: 'The role "{role}" needs a region' },
  'auth/role_requires_organisation': { zh: '角色“{role}”必须指定所属机构', en: 'The role "{role}" needs an organisation' },
  'auth/region_out_of_scope': { zh: '超出您的管辖区域（{regionCode}）', en: 'Outside your region of responsibility ({regionCode})' },
  'auth/user_not_found': { zh: '用户不存在', en: 'User not found' },
  'auth/token_not_found': { zh: 'API 令牌不存在', en: 'API token not found' },
  'auth/role_assignment_not_found': { zh: '角色授予记录不存在', en: 'Role assignment not found' },
  'auth/cannot_remove_last_admin': { zh: '不能移除最后一名平台管理员', en: 'Cannot remove the last platform administrator' },

  'organisation/not_found': { zh: '机构不存在', en: 'Organisation not found' },
  'organisation/credit_code_invalid': { zh: '统一社会信用代码校验位错误', en: 'Unified social credit code fails its checksum' },
  'organisation/credit_code_taken': { zh: '该统一社会信用代码已被其他机构使用', en: 'Another organisation already uses this credit code' },
  'organisation/member_exists': { zh: '该用户已是机构成员', en: 'This user is already a member' },
  'organisation/member_not_found': { zh: '成员不存在', en: 'Member not found' },
  'organisation/last_owner': { zh: '机构至少需要保留一名负责人', en: 'An organisation must keep at least one owner' },

  'region/not_found': { zh: '行政区划不存在：{code}', en: 'Region not found: {code}' },
  'region/unknown_code': { zh: '未知的行政区划代码：{code}', en: 'Unknown region code: {code}' },
  'code_list/not_found': { zh: '代码表不存在：{name}', en: 'No such code list: {name}' },

  'achievement/not_found': { zh: '科技成果不存在', en: 'Achievement not found' },
  'achievement/invalid_transition': { zh: '当前状态（{from}）下不能执行“{action}”', en: 'Cannot {action} an achievement that is {from}' },
  'achievement/not_editable': { zh: '已提交或已发布的成果不能修改，请先撤回', en: 'Submitted or published achievements cannot be edited; withdraw first' },
  'achievement/duplicate_external_id': { zh: '外部编号 {externalId} 已被本机构的其他成果使用', en: 'External id {externalId} is already used by another achievement of this organisation' },
  'achievement/price_range_invalid': { zh: '价格下限不能高于上限', en: 'The minimum price cannot exceed the maximum' },
  'achievement/access_request_exists': { zh: '您已提交过查看申请', en: 'You have already requested access' },
  'achievement/access_request_not_found': { zh: '查看申请不存在', en: 'Access request not found' },
  'achievement/detail_restricted': { zh: '详细信息需签署保密协议并经成果方同意后查看', en: 'The detail is shown after an NDA and the owner’s approval' },
  'achievement/unknown_code': { zh: '未知的代码：{codes}', en: 'Unknown code(s): {codes}' },
};

/** Fills `{name}` placeholders; unknown placeholders stay as written. */
export function formatMessage(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined || v === null) {
      return whole;
    }
    return typeof v === 'string' ? v : JSON.stringify(v);
  });
}

export function errorMessage(code: ErrorCode, lang: Lang, params?: Record<string, unknown>): string {
  return formatMessage(errorMessages[code][lang], params);
}

/** Picks 'en' only when the client prefers English over Chinese. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) {
    return 'zh';
  }
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const p of prefs) {
    if (p.tag.startsWith('zh')) {
      return 'zh';
    }
    if (p.tag.startsWith('en')) {
      return 'en';
    }
  }
  return 'zh';
}
