import type { Role } from '#shared/contracts/auth.contract';
import type { OrganisationType } from '#shared/contracts/organisations.contract';

/** Published for local use only: production refuses to start while any demo account exists. */
export const DEMO_PASSWORD = 'Demo2026!pass';
export const DEMO_DOMAIN = 'demo.transfernet.cn';

export type DemoOrg = {
  key: string;
  name: string;
  type: OrganisationType;
  /** 2-character registration-authority/type prefix of the credit code (GB 32100), null for 自然人. */
  creditPrefix: string | null;
  regionCode: string;
  flags?: { isTechTransferOrg?: boolean; isInvestor?: boolean; isServiceProvider?: boolean };
  description: string;
};

// Fictional organisations spread over the four economic zones; names are invented for the demo.
export const DEMO_ORGS: DemoOrg[] = [
  { key: 'jh-univ', name: '京华理工大学', type: 'university', creditPrefix: '12', regionCode: '110108', flags: { isTechTransferOrg: true }, description: '北京海淀区的理工科研究型大学，设有技术转移中心。' },
  { key: 'zk-inst', name: '中科先进材料研究所（演示）', type: 'research_institute', creditPrefix: '12', regionCode: '110108', flags: { isTechTransferOrg: true }, description: '新材料及其应用方向的科研机构。' },
  { key: 'sh-service', name: '浦江技术转移服务有限公司', type: 'enterprise', creditPrefix: '91', regionCode: '310104', flags: { isServiceProvider: true, isTechTransferOrg: true }, description: '提供技术评估、技术经纪与知识产权运营服务的技术转移机构。' },
  { key: 'sz-ent', name: '深圳鹏城智能装备股份有限公司', type: 'enterprise', creditPrefix: '91', regionCode: '440305', description: '先进制造与工业机器人企业，长期征集技术需求。' },
  { key: 'gz-hosp', name: '羊城医科大学附属医院（演示）', type: 'medical', creditPrefix: '12', regionCode: '440106', description: '三级甲等医院，医疗器械与临床转化。' },
  { key: 'wh-univ', name: '江城工业大学', type: 'university', creditPrefix: '12', regionCode: '420111', flags: { isTechTransferOrg: true }, description: '光电子与新能源方向的工科大学。' },
  { key: 'cd-inst', name: '天府农业科学研究院（演示）', type: 'research_institute', creditPrefix: '12', regionCode: '510107', description: '现代农业与种业研究机构。' },
  { key: 'hz-vc', name: '西湖创新投资管理有限公司', type: 'enterprise', creditPrefix: '91', regionCode: '330106', flags: { isInvestor: true }, description: '专注早期硬科技的创业投资机构。' },
  { key: 'sy-ent', name: '盛京重型机械集团有限公司', type: 'enterprise', creditPrefix: '91', regionCode: '210112', description: '东北地区装备制造企业。' },
  { key: 'nj-assoc', name: '金陵技术经纪人协会', type: 'association', creditPrefix: '51', regionCode: '320102', flags: { isServiceProvider: true }, description: '技术经纪人行业社团，开展培训与认定。' },
  { key: 'bj-gov', name: '北京市海淀区科技创新服务中心（演示）', type: 'other_public', creditPrefix: '12', regionCode: '110108', description: '区级科技服务事业单位。' },
  { key: 'gd-gov', name: '广东省技术市场管理办公室（演示）', type: 'government', creditPrefix: '11', regionCode: '440000', description: '省级技术合同认定登记机构。' },
  { key: 'person', name: '张明（个人发明人）', type: 'individual', creditPrefix: null, regionCode: '510107', description: '自然人技术持有人。' },
];

export type DemoUser = {
  email: string;
  displayName: string;
  regionCode: string;
  roles: { role: Role; regionCode?: string; orgKey?: string }[];
  orgs: { key: string; role: 'owner' | 'admin' | 'member' }[];
};

const at = (local: string) => `${local}@${DEMO_DOMAIN}`;

/** One account per role (documented in the README), plus people to fill the directory. */
export const DEMO_USERS: DemoUser[] = [
  { email: at('admin'), displayName: '平台管理员', regionCode: '110000', roles: [{ role: 'platform_admin' }], orgs: [] },
  { email: at('bj-admin'), displayName: '北京市区域管理员', regionCode: '110000', roles: [{ role: 'regional_admin', regionCode: '110000' }], orgs: [{ key: 'bj-gov', role: 'admin' }] },
  { email: at('gd-admin'), displayName: '广东省区域管理员', regionCode: '440000', roles: [{ role: 'regional_admin', regionCode: '440000' }], orgs: [{ key: 'gd-gov', role: 'owner' }] },
  { email: at('sz-admin'), displayName: '深圳市区域管理员', regionCode: '440300', roles: [{ role: 'regional_admin', regionCode: '440300' }], orgs: [] },
  { email: at('bj-registrar'), displayName: '北京技术合同登记员', regionCode: '110000', roles: [{ role: 'registrar', regionCode: '110000' }], orgs: [] },
  { email: at('gd-registrar'), displayName: '广东技术合同登记员', regionCode: '440000', roles: [{ role: 'registrar', regionCode: '440000' }], orgs: [{ key: 'gd-gov', role: 'member' }] },
  { email: at('bj-market'), displayName: '北京技术交易市场运营（演示）', regionCode: '110000', roles: [{ role: 'market_operator', regionCode: '110000' }], orgs: [] },
  { email: at('gd-market'), displayName: '广东技术交易市场运营（演示）', regionCode: '440000', roles: [{ role: 'market_operator', regionCode: '440000' }], orgs: [] },
  { email: at('tto'), displayName: '李华（技术经理人）', regionCode: '110108', roles: [{ role: 'tto_officer', orgKey: 'jh-univ' }], orgs: [{ key: 'jh-univ', role: 'owner' }] },
  { email: at('broker'), displayName: '王芳（技术经纪人）', regionCode: '310104', roles: [{ role: 'broker', orgKey: 'sh-service' }], orgs: [{ key: 'sh-service', role: 'owner' }, { key: 'nj-assoc', role: 'member' }] },
  { email: at('researcher'), displayName: '陈教授', regionCode: '110108', roles: [{ role: 'researcher' }], orgs: [{ key: 'jh-univ', role: 'member' }] },
  { email: at('enterprise'), displayName: '刘总（鹏城智能）', regionCode: '440305', roles: [{ role: 'enterprise_member', orgKey: 'sz-ent' }], orgs: [{ key: 'sz-ent', role: 'owner' }] },
  { email: at('investor'), displayName: '赵投资人', regionCode: '330106', roles: [{ role: 'investor', orgKey: 'hz-vc' }], orgs: [{ key: 'hz-vc', role: 'owner' }] },
  { email: at('visitor'), displayName: '公众访客', regionCode: '320102', roles: [], orgs: [] },
  { email: at('wh-tto'), displayName: '周敏（江城工大技术转移中心）', regionCode: '420111', roles: [{ role: 'tto_officer', orgKey: 'wh-univ' }], orgs: [{ key: 'wh-univ', role: 'owner' }] },
  { email: at('wh-researcher'), displayName: '吴研究员', regionCode: '420111', roles: [{ role: 'researcher' }], orgs: [{ key: 'wh-univ', role: 'member' }] },
  { email: at('cd-researcher'), displayName: '郑研究员（天府农科院）', regionCode: '510107', roles: [{ role: 'researcher' }], orgs: [{ key: 'cd-inst', role: 'owner' }] },
  { email: at('zk-researcher'), displayName: '孙研究员（中科先进材料所）', regionCode: '110108', roles: [{ role: 'researcher' }, { role: 'tto_officer', orgKey: 'zk-inst' }], orgs: [{ key: 'zk-inst', role: 'owner' }] },
  { email: at('sy-enterprise'), displayName: '钱工（盛京重机）', regionCode: '210112', roles: [{ role: 'enterprise_member', orgKey: 'sy-ent' }], orgs: [{ key: 'sy-ent', role: 'owner' }] },
  { email: at('gz-doctor'), displayName: '冯医生（羊城医科附院）', regionCode: '440106', roles: [{ role: 'researcher' }], orgs: [{ key: 'gz-hosp', role: 'owner' }] },
  { email: at('inventor'), displayName: '张明', regionCode: '510107', roles: [{ role: 'researcher' }], orgs: [{ key: 'person', role: 'owner' }] },
  { email: at('nj-broker'), displayName: '蒋经纪人（金陵协会）', regionCode: '320102', roles: [{ role: 'broker', orgKey: 'nj-assoc' }], orgs: [{ key: 'nj-assoc', role: 'owner' }] },
];
