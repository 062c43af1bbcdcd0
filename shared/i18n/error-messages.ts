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
  'organisation/not_verified': { zh: '机构“{name}”尚未通过所在地区管理员审核（当前状态：{status}），暂不能公开发布', en: 'Organisation “{name}” has not been verified by its regional administrator (status: {status}); it cannot publish yet' },

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
  'import/not_found': { zh: '导入任务不存在', en: 'Import job not found' },
  'import/org_required': { zh: '请指定导入到哪个机构（org：机构 ID 或统一社会信用代码）', en: 'Name the organisation to import for (org: id or unified social credit code)' },
  'import/unsupported_format': { zh: '不支持的文件格式，请上传 CSV、XLSX 或 JSONL 文件', en: 'Unsupported file format; upload CSV, XLSX or JSONL' },
  'import/unreadable_file': { zh: '文件无法读取：{reason}', en: 'The file cannot be read: {reason}' },
  'import/encoding_invalid': { zh: '文件编码无法识别（{encoding}），请另存为 UTF-8 或 GBK', en: 'The file is not valid {encoding}; save it as UTF-8 or GBK' },
  'import/empty_file': { zh: '文件中没有数据行', en: 'The file has no data rows' },
  'import/unknown_columns': { zh: '无法识别的列：{unknown}。可用的列：{expected}', en: 'Unknown columns: {unknown}. Expected columns: {expected}' },
  'import/missing_columns': { zh: '缺少必需的列：{missing}', en: 'Required columns missing: {missing}' },
  'import/too_many_rows': { zh: '单次最多导入 {limit} 行', en: 'At most {limit} rows per import' },
  'import/file_too_large': { zh: '文件过大（上限 {limit} 字节）', en: 'File too large (limit {limit} bytes)' },
  'import/publish_not_allowed': { zh: '您无权直接发布该机构的成果（需技术转移机构审核人员或管理员）', en: 'You may not publish this organisation’s listings directly (needs a TTO reviewer or an admin)' },
  'export/too_many_rows': { zh: '导出结果超过 {limit} 行，请缩小筛选范围', en: 'The export exceeds {limit} rows; narrow the filters' },
  'achievement/unknown_code': { zh: '未知的代码：{codes}', en: 'Unknown code(s): {codes}' },

  'demand/not_found': { zh: '技术需求不存在', en: 'Demand not found' },
  'demand/invalid_transition': { zh: '当前状态（{from}）下不能执行“{action}”', en: 'Cannot {action} a demand that is {from}' },
  'demand/not_editable': { zh: '该需求当前状态（{status}）下不能修改', en: 'A demand that is {status} cannot be edited' },
  'demand/duplicate_external_id': { zh: '外部编号 {externalId} 已被本机构的其他需求使用', en: 'External id {externalId} is already used by another demand of this organisation' },
  'demand/budget_range_invalid': { zh: '预算下限不能高于上限', en: 'The minimum budget cannot exceed the maximum' },
  'demand/deadline_past': { zh: '截止日期 {deadline} 已过', en: 'The deadline {deadline} has passed' },
  'demand/unknown_code': { zh: '未知的代码：{codes}', en: 'Unknown code(s): {codes}' },

  'expert/not_found': { zh: '专家不存在或未公开', en: 'Expert not found or not public' },
  'expert/unknown_code': { zh: '未知的代码：{codes}', en: 'Unknown code(s): {codes}' },

  'search/query_invalid': { zh: '检索词无效：{reason}', en: 'Invalid search query: {reason}' },
  'search/match_input_invalid': { zh: '请提供需求文本或需求编号（二者选一）', en: 'Give either a text or a demand id, not both' },
  'search/unknown_filter': { zh: '未知的筛选值（{field}）：{codes}', en: 'Unknown filter value(s) for {field}: {codes}' },

  'notification/not_found': { zh: '未找到该通知', en: 'Notification not found' },
  'saved_search/not_found': { zh: '未找到该订阅检索', en: 'Saved search not found' },
  'saved_search/limit_reached': { zh: '订阅检索已达上限（{max} 条），请先删除不用的', en: 'You have reached the limit of {max} saved searches; delete one first' },
  // ── market: listings, offers, deals (add market/* codes below this line) ──
  'market/self_dealing': { zh: '买卖双方不能是同一机构', en: 'Seller and buyer cannot be the same organisation' },
  // ── notices: public notices, objections, calendar (notice/*) ──
  // ── auctions (auction/*) ──
  // ── tenders (tender/*) ──
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
