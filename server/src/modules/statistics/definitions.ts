import type { Definitions } from '#shared/contracts/statistics.contract';

/** Open data publishes no cell of fewer contracts than this (it could identify one contract). */
export const SUPPRESS_BELOW = 3;

/** What every published figure means (GET /open-data/technology-market/definitions). */
export const DEFINITIONS: Definitions = {
  measures: [
    { code: 'count', name: '合同数', nameEn: 'Contracts', definition: '经认定登记的技术合同项数（含变更登记，不含撤销、不予登记、退回和撤回的申请）。', definitionEn: 'Registered technology contracts (amended ones included; cancelled, refused, returned and withdrawn applications excluded).' },
    { code: 'amountFen', name: '成交额', nameEn: 'Turnover', definition: '合同交易总额（技术合同成交额），单位为分，以十进制字符串表示。全国统计的头条数字。', definitionEn: 'Total contract amount (成交额), in fen, as a decimal string; the headline figure of the national statistics.' },
    { code: 'techAmountFen', name: '技术交易额', nameEn: 'Technology transaction amount', definition: '成交额扣除购置设备、仪器、零部件、原材料等非技术性费用后的金额；部分认定的按登记机构核定的金额。', definitionEn: 'Turnover less non-technical costs (equipment, instruments, parts, materials); for contracts recognised in part, the amount the registry recognised.' },
    { code: 'growth', name: '增长率', nameEn: 'Growth', definition: '与上年同期相比的增长百分比，保留一位小数；上年为零时不计算。', definitionEn: 'Per cent change against the same period a year earlier, one decimal; none when the earlier figure is zero.' },
  ],
  dimensions: [
    { code: 'period', name: '统计期', nameEn: 'Period', codeList: null, definition: '按登记日期（北京时间）归属年、季、月。', definitionEn: 'By registration date (China time): year, quarter, month.' },
    { code: 'region (out)', name: '输出地区', nameEn: 'Outflow region', codeList: 'regions', definition: '按卖方所在行政区划（GB/T 2260）；境外卖方计入“境外”(000000)。', definitionEn: 'By the seller’s administrative division (GB/T 2260); sellers abroad under 000000.' },
    { code: 'region (in)', name: '吸纳地区', nameEn: 'Inflow region', codeList: 'regions', definition: '按买方所在行政区划。', definitionEn: 'By the buyer’s administrative division.' },
    { code: 'type', name: '合同类别', nameEn: 'Contract type', codeList: 'contract-types', definition: '技术开发、转让、许可、咨询、服务；登记机构改认定的，按认定类别。', definitionEn: 'Development, transfer, licence, consulting, service; as recognised by the registry.' },
    { code: 'subtype', name: '合同子类', nameEn: 'Sub-type', codeList: 'contract-types', definition: '委托/合作开发，专利权/专利申请权/技术秘密/其他转让，许可，技术培训，技术中介等。', definitionEn: 'Sub-types of the contract-types code list.' },
    { code: 'domain', name: '技术领域', nameEn: 'Technology domain', codeList: 'technology-domains', definition: '11 个技术领域（平台代码 TD01–TD11）。', definitionEn: 'The 11 technology domains (platform codes TD01–TD11).' },
    { code: 'seller_type / buyer_type', name: '交易主体类型', nameEn: 'Party type', codeList: 'organisation-types', definition: '企业法人（内资/港澳台/外资）、科研机构、高等院校、医疗卫生机构、其他事业法人、机关法人、社团法人、自然人。', definitionEn: 'Enterprise (domestic / HMT / foreign), research institute, university, medical, other public, government, association, natural person.' },
    { code: 'ip_type', name: '知识产权类型', nameEn: 'IP type', codeList: 'contract-ip-types', definition: '合同所列第一项知识产权的类型；未涉及知识产权的为 none。', definitionEn: 'Type of the first intellectual property the contract lists; none when it involves none.' },
    { code: 'plan', name: '计划类别', nameEn: 'Plan category', codeList: 'plan-categories', definition: '国家/部门/省级/地市县计划，计划外。', definitionEn: 'National, ministerial, provincial, local programmes, or none.' },
    { code: 'objective', name: '社会经济目标', nameEn: 'Socio-economic objective', codeList: 'socio-economic-objectives', definition: '平台代码 SE01–SE14（按 OECD NABS 2007 章节，GB/T 24450-2009 据此制定）。', definitionEn: 'Platform codes SE01–SE14 after OECD NABS 2007 (the model of GB/T 24450-2009).' },
    { code: 'industry', name: '行业', nameEn: 'Industry', codeList: 'industries', definition: 'GB/T 4754-2017 门类（A–T）。', definitionEn: 'GB/T 4754-2017 sections (A–T).' },
    { code: 'cross_border', name: '涉外', nameEn: 'Cross-border', codeList: null, definition: '境内；技术出口（卖方境内、买方境外）；技术进口（卖方境外、买方境内）。港澳台按境外计。', definitionEn: 'Domestic; export (seller in China, buyer abroad); import (seller abroad, buyer in China). HK, Macao and Taiwan count as abroad.' },
    { code: 'flow', name: '地区流向', nameEn: 'Flow', codeList: 'economic-zones', definition: '卖方所在省 → 买方所在省；区域流向按东部、中部、西部、东北、港澳台归并。', definitionEn: 'Seller’s province → buyer’s province; zones: east, central, west, northeast, HMT.' },
  ],
  rules: [
    `开放数据只发布全国和省级数据；少于 ${SUPPRESS_BELOW} 项合同的单元格以 0 发布（统计披露控制），合计不受影响。`,
    '金额以分为单位的十进制字符串发布，多年合计超过 2^53 时仍然精确。',
    '统计数据由登记、变更、撤销登记的同一事务实时更新，并可与原始合同全量重算核对（GET /api/v1/statistics/verify）。',
  ],
  licence: '数据来源：TransferNet 技术合同登记数据；演示数据的全国成交额年度序列取自已公布的官方统计（见 server/src/modules/statistics/data/README.md）。',
};
