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
  'market/listing_not_found': { zh: '挂牌不存在或不可见', en: 'Listing not found' },
  'market/listing_not_open': { zh: '该挂牌当前不接受报价（状态：{status}）', en: 'This listing is not open for offers (status: {status})' },
  'market/listing_not_editable': { zh: '只有草稿状态的挂牌可以修改', en: 'Only draft listings can be edited' },
  'market/invalid_transition': { zh: '当前状态（{from}）不能执行该操作（{action}）', en: 'Cannot {action} from status {from}' },
  'market/achievement_not_published': { zh: '只有已发布的成果可以挂牌', en: 'Only published achievements can be listed' },
  'market/licence_kind_required': { zh: '许可方式须选择独占、排他或普通许可', en: 'A licence needs its kind: exclusive, sole or ordinary' },
  'market/price_required': { zh: '固定价格挂牌须填写价格', en: 'A fixed-price listing needs a price' },
  'market/period_invalid': { zh: '挂牌期限无效：截止时间须晚于开始时间且在未来', en: 'Invalid listing period: the end must be after the start and in the future' },
  'market/own_listing': { zh: '不能对本机构的挂牌报价或询价', en: 'You cannot enquire about or bid on your own organisation\'s listing' },
  'market/buyer_org_required': { zh: '须以一家已认证的其他机构成员身份询价或报价', en: 'Enquiries and offers are made as a member of another verified organisation' },
  'market/thread_not_found': { zh: '未找到该洽谈', en: 'Negotiation thread not found' },
  'market/offer_not_found': { zh: '报价不存在或不可见', en: 'Offer not found' },
  'market/offer_not_open': { zh: '该报价已处理（状态：{status}）', en: 'This offer has already been answered (status: {status})' },
  'market/offer_pending': { zh: '该洽谈已有待答复的报价，请先等待答复或撤回', en: 'This negotiation already has an offer awaiting an answer' },
  'market/not_your_turn': { zh: '报价须由对方答复；您只能撤回自己的报价', en: 'The other side answers this offer; you can only withdraw your own' },
  'market/deal_not_found': { zh: '交易不存在或不可见', en: 'Deal not found' },
  'market/document_too_large': { zh: '文件不能超过 {max} 字节', en: 'The document cannot exceed {max} bytes' },
  'market/document_invalid': { zh: '文件内容不是有效的 Base64 编码', en: 'The document content is not valid Base64' },
  'market/document_not_found': { zh: '未找到该文件', en: 'Document not found' },
  'market/fee_date_past': { zh: '生效日期不能早于今天', en: 'The effective date cannot be in the past' },
  'market/fee_schedule_exists': { zh: '{effectiveFrom} 已有收费标准', en: 'A fee schedule already takes effect on {effectiveFrom}' },
  // ── notices: public notices, objections, calendar (notice/*) ──
  'notice/not_found': { zh: '公示不存在', en: 'Public notice not found' },
  'notice/deal_not_found': { zh: '交易不存在', en: 'Deal not found' },
  'notice/deal_not_awaiting_notice': { zh: '该交易当前状态（{status}）不需要或已进行公示', en: 'This deal ({status}) does not await a public notice' },
  'notice/working_days_too_few': { zh: '公示期不得少于 {min} 个工作日', en: 'The notice period must be at least {min} working days' },
  'notice/not_open': { zh: '公示已结束（{status}），不能再执行此操作', en: 'The notice is no longer open ({status})' },
  'notice/invalid_transition': { zh: '公示状态 {from} 下不能执行 {action}', en: 'Cannot {action} a notice in status {from}' },
  'notice/objection_period_over': { zh: '公示期已于 {endsOn} 结束，不再受理异议', en: 'The notice period ended on {endsOn}; objections are no longer accepted' },
  'notice/period_over': { zh: '公示期已于 {endsOn} 结束，不能撤回', en: 'The notice period ended on {endsOn}; it can no longer be withdrawn' },
  'notice/objection_not_found': { zh: '异议不存在', en: 'Objection not found' },
  'notice/objection_already_decided': { zh: '该异议已处理（{status}）', en: 'This objection has already been decided ({status})' },
  'notice/calendar_day_not_found': { zh: '工作日历中没有 {day} 的调整', en: 'The calendar has no exception on {day}' },
  'notice/calendar_kind_mismatch': { zh: '{day} 是{weekday}：节假日只能设在工作日（周一至周五），调休上班只能设在周末', en: '{day} is a {weekdayEn}: a holiday must fall on Monday–Friday and a make-up workday on a weekend' },
  'notice/calendar_day_invalid': { zh: '日期无效：{day}', en: 'Invalid date: {day}' },
  // ── auctions (auction/*) ──
  'auction/not_found': { zh: '未找到该拍卖', en: 'Auction not found' },
  'auction/registration_not_found': { zh: '未找到该竞买登记', en: 'Bidder registration not found' },
  'auction/invalid_transition': { zh: '拍卖当前状态（{from}）不允许此操作（{action}）', en: 'The auction ({from}) does not allow {action}' },
  'auction/listing_unavailable': { zh: '该挂牌当前不可拍卖（状态：{status}）', en: 'The listing cannot be auctioned (status: {status})' },
  'auction/schedule_invalid': { zh: '拍卖时间无效：{reason}', en: 'Invalid auction times: {reason}' },
  'auction/increments_invalid': { zh: '加价幅度表无效：{reason}', en: 'Invalid increment table: {reason}' },
  'auction/reserve_below_start': { zh: '保留价不能低于起拍价', en: 'The reserve cannot be below the start price' },
  'auction/bid_too_low': { zh: '出价过低，当前最低有效出价为 {minNextFen} 分', en: 'Bid too low; the minimum valid bid is {minNextFen} fen' },
  'auction/not_live': { zh: '拍卖当前不在竞价时间内', en: 'The auction is not open for bidding' },
  'auction/not_registered': { zh: '您的机构尚未登记参加本场拍卖', en: 'Your organisation is not registered for this auction' },
  'auction/not_approved': { zh: '竞买资格尚未通过审核', en: 'Your bidder qualification has not been approved' },
  'auction/deposit_not_held': { zh: '尚未缴纳保证金', en: 'Your deposit has not been received' },
  'auction/seller_cannot_bid': { zh: '卖方机构不能参与竞买', en: 'The seller organisation cannot bid' },
  'auction/already_leading': { zh: '您当前已是最高出价者', en: 'You are already the highest bidder' },
  'auction/already_registered': { zh: '该机构已登记参加本场拍卖', en: 'This organisation is already registered for this auction' },
  'auction/registration_closed': { zh: '本场拍卖已不接受竞买登记', en: 'This auction no longer accepts registrations' },
  'auction/registration_decided': { zh: '该登记已审核（{status}）', en: 'This registration was already decided ({status})' },
  'auction/deposit_invalid': { zh: '保证金记录无效：{reason}', en: 'Invalid deposit entry: {reason}' },
  'auction/not_closed': { zh: '拍卖尚未结束，不能公布结果', en: 'The auction has not closed yet' },
  'auction/result_published': { zh: '拍卖结果已公布', en: 'The result has already been published' },
  // ── tenders (tender/*) ──
  'tender/not_found': { zh: '招标不存在或未公开', en: 'Tender not found or not public' },
  'tender/proposal_not_found': { zh: '投标文件不存在', en: 'Proposal not found' },
  'tender/invalid_transition': { zh: '招标当前状态（{from}）下不能执行该操作（{action}）', en: 'Cannot {action} a tender in status {from}' },
  'tender/not_editable': { zh: '只有草稿状态的招标可以修改', en: 'Only a draft tender can be edited' },
  'tender/criteria_weights_sum': { zh: '评分标准的权重须为整数且合计 100（当前合计 {sum}）', en: 'Criteria weights must be integers summing to 100 (now {sum})' },
  'tender/criteria_duplicate_key': { zh: '评分标准代码重复：{key}', en: 'Duplicate criterion key: {key}' },
  'tender/criteria_price_count': { zh: '最多只能有一项价格评分标准', en: 'At most one price criterion is allowed' },
  'tender/deadline_too_soon': { zh: '投标截止时间须至少在 {minutes} 分钟之后', en: 'The submission deadline must be at least {minutes} minutes ahead' },
  'tender/demand_not_published': { zh: '只能对已发布的本机构需求发起招标', en: 'A tender can only be opened on a published demand of your organisation' },
  'tender/budget_exceeded': { zh: '报价超过招标预算上限（{budget} 分）', en: 'The price exceeds the budget ceiling ({budget} fen)' },
  'tender/deadline_passed': { zh: '投标截止时间已过', en: 'The submission deadline has passed' },
  'tender/not_open': { zh: '该招标当前不接受投标', en: 'This tender is not accepting proposals' },
  'tender/own_tender': { zh: '招标方不能对自己的招标投标', en: 'The tendering organisation cannot bid on its own tender' },
  'tender/bidder_org_required': { zh: '您属于多个机构，请选择以哪个机构投标', en: 'You belong to several organisations; choose which one bids' },
  'tender/bidder_not_verified': { zh: '投标机构须为已认证机构', en: 'The bidding organisation must be verified' },
  'tender/achievement_not_owned': { zh: '关联成果须属于投标机构', en: 'The linked achievement must belong to the bidding organisation' },
  'tender/proposal_not_sealed': { zh: '该投标文件已不能撤回', en: 'This proposal can no longer be withdrawn' },
  'tender/not_opened': { zh: '开标之后才能评分或定标', en: 'Scoring and award are possible only after opening' },
  'tender/score_invalid': { zh: '评分项无效：{key}', en: 'Invalid score item: {key}' },
  'tender/scores_incomplete': { zh: '请先为所有投标完成评分', en: 'Score every proposal first' },
  // ── registrations (registration/*) ──
  'registration/not_found': { zh: '技术合同登记不存在或无权查看', en: 'Registration not found or not visible to you' },
  'registration/deal_not_found': { zh: '交易不存在或您不是卖方', en: 'Deal not found, or you are not its seller' },
  'registration/deal_not_concluded': { zh: '交易尚未成交（当前状态：{status}），不能登记', en: 'The deal is not concluded yet (status {status})' },
  'registration/duplicate': { zh: '该合同已有登记申请（{registration}），同一合同只能登记一次', en: 'This contract already has a registration ({registration}); a contract is registered once' },
  'registration/invalid_transition': { zh: '当前状态（{from}）下不能执行该操作（{action}）', en: 'Cannot {action} a registration in status {from}' },
  'registration/amounts_inconsistent': { zh: '金额不一致：{reason}', en: 'Amounts do not add up: {reason}' },
  'registration/payment_schedule_mismatch': { zh: '支付计划合计（{sum} 分）与成交额（{amount} 分）不一致', en: 'The payment schedule sums to {sum} fen, not the contract amount {amount} fen' },
  'registration/dates_out_of_order': { zh: '日期顺序有误：{reason}', en: 'Dates out of order: {reason}' },
  'registration/unknown_code': { zh: '未知代码：{codes}', en: 'Unknown codes: {codes}' },
  'registration/party_incomplete': { zh: '{party}信息不完整：{reason}', en: 'The {party} is incomplete: {reason}' },
  'registration/rules_not_met': { zh: '不符合现行认定规则：{rules}', en: 'The recognition rules in force are not met: {rules}' },
  'registration/deadline_passed': { zh: '已超过登记期限（{deadline}）', en: 'The registration deadline has passed ({deadline})' },
  'registration/no_registration_point': { zh: '所在地区（{region}）没有可受理该合同的登记机构', en: 'No registration point serves region {region} for this contract' },
  'registration/out_of_region': { zh: '该合同不在您所辖登记机构的受理范围内', en: 'This contract is outside your registration points' },
  'registration/not_applicant': { zh: '只有卖方（技术进口合同为境内买方）机构可以申请登记', en: 'Only the seller (the domestic buyer for a technology import) may apply' },
  'registration/recognised_amount_invalid': { zh: '核定技术交易额须为不超过申报技术交易额的非负整数（分）', en: 'The recognised amount must be a non-negative integer of fen not above the declared one' },
  'registration/not_registered': { zh: '合同尚未登记，无登记证明', en: 'The contract is not registered: no certificate' },
  'registration/parameter_invalid': { zh: '参数无效：{reason}', en: 'Invalid parameter: {reason}' },
  'registration/point_not_found': { zh: '登记机构不存在', en: 'Registration point not found' },
  // ── statistics (statistics/*) ──
  'statistics/out_of_scope': { zh: '该地区不在您的统计权限范围内', en: 'That region is outside your area' },
  'statistics/dimension_unknown': { zh: '未知的统计维度', en: 'Unknown statistics dimension' },
  'statistics/period_invalid': { zh: '统计期无效：{reason}', en: 'Invalid period: {reason}' },
  'statistics/region_unknown': { zh: '地区不存在', en: 'Unknown region' },
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
