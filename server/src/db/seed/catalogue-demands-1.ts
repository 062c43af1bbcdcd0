import type { DemandSeed } from './catalogue-types';

// Fictional demo demands (技术需求) of the demo enterprises: batteries, chemicals, food, automotive parts.
// `matches` names the seeded achievements each was written to match (same terms, domain and industry).

export const DEMANDS_BATTERY_CHEM_FOOD_AUTO: DemandSeed[] = [
  // ── 闽东新能源电池 (nd-battery) ──
  {
    id: 'd-battery-ncm-coating', org: 'nd-battery', by: 'battery', domain: 'TD07', trlNeeded: 6, days: 90, budget: [300, 800], modes: ['LICENSE', 'JOINT'],
    title: '高镍三元正极材料表面包覆改性技术，降低残碱和高温产气',
    description: '我司 NCM811 动力电池在 45 ℃ 高温循环 800 次后容量保持率仅 80%，60 ℃ 存储产气导致软包鼓胀。现用湿法包覆残碱约 1.0%，需将残碱降到 0.4% 以下、高温循环 1,000 次容量保持率 ≥ 90%，包覆工艺可放大到吨级、加工成本不高于 1 万元/吨。欢迎原子层沉积（ALD）等干法包覆方案，需提供 20 Ah 以上电芯验证数据。',
    keywords: ['高镍正极', '表面包覆', '原子层沉积', '产气', '循环寿命'], industries: ['3841', '3985'], matches: ['td07-ncm-ald'],
  },
  {
    id: 'd-battery-sodium', org: 'nd-battery', by: 'battery', domain: 'TD08', trlNeeded: 6, days: 120, budget: [1000, 3000], modes: ['LICENSE', 'EQUITY', 'JOINT'],
    title: '储能用钠离子电池层状氧化物正极材料产业化合作',
    description: '公司规划 2 GWh 钠离子电池储能产线，寻求层状氧化物正极材料技术：可逆比容量 ≥ 140 mAh/g，循环 3,000 次容量保持率 ≥ 80%，空气稳定性满足常规车间（湿度 ≤ 30%）涂布；具备百吨级以上中试经验，材料成本低于磷酸铁锂。可采用技术许可或作价入股共建材料公司。',
    keywords: ['钠离子电池', '层状氧化物', '正极材料', '储能'], industries: ['3849', '3985'], matches: ['td08-sodium-cathode'],
  },
  {
    id: 'd-battery-recycle', org: 'nd-battery', by: 'battery', domain: 'TD09', trlNeeded: 6, days: 150, budget: [500, 1200], modes: ['LICENSE', 'JOINT'],
    title: '退役磷酸铁锂电池正极粉直接再生技术',
    description: '我司每年产生退役储能电池与生产废料约 6,000 吨，现委托湿法回收收益低。寻求磷酸铁锂正极直接再生（补锂修复）技术，再生材料比容量 ≥ 155 mAh/g、可回用于储能电芯，锂回收率 ≥ 95%，废水近零排放，吨处理成本 ≤ 5,000 元。',
    keywords: ['电池回收', '磷酸铁锂', '直接再生', '补锂'], industries: ['4210', '3841'], matches: ['td08-battery-recycle'],
  },
  {
    id: 'd-battery-silicon', org: 'nd-battery', by: 'battery', domain: 'TD08', trlNeeded: 5, days: 60, budget: [200, 600], modes: ['JOINT', 'LICENSE'],
    title: '快充动力电池用硅碳负极材料联合开发',
    description: '开发 4C 快充动力电池，需要首次效率 ≥ 90%、比容量 ≥ 1,500 mAh/g 的硅碳负极，按 10% 比例掺混石墨后循环 1,000 次保持率 ≥ 85%，膨胀可控。优先考虑气相沉积硅碳路线，可共建中试线。',
    keywords: ['硅碳负极', '快充', '气相沉积', '锂离子电池'], industries: ['3841', '3985'], matches: ['td08-silicon-anode'],
  },
  {
    id: 'd-battery-thermal-runaway', org: 'nd-battery', by: 'battery', domain: 'TD07', trlNeeded: 7, days: 45, budget: [50, 150], modes: ['LICENSE', 'SERVICE'],
    title: '储能电池模组间隔热材料（阻止热失控蔓延）',
    description: '储能模组电芯间需加装 ≤ 2 mm 隔热片，要求热失控蔓延时间 ≥ 30 分钟，导热系数 ≤ 0.025 W/(m·K)，耐压缩、不掉粉，单价可控。气凝胶类产品优先，需提供热失控试验报告。',
    keywords: ['气凝胶', '隔热材料', '电池热失控', '储能'], industries: ['3841', '3034'], matches: ['td07-aerogel'],
  },
  // ── 齐鲁绿色化工 (sd-chem) ──
  {
    id: 'd-chem-wastewater', org: 'sd-chem', by: 'chem', domain: 'TD09', trlNeeded: 7, days: 75, budget: [150, 400], modes: ['LICENSE', 'SERVICE'],
    title: '环氧树脂生产废水难降解有机物深度处理（COD 提标）',
    description: '公司环氧树脂与催化剂生产废水经生化处理后 COD 仍在 180 mg/L 左右，需提标至 50 mg/L 以下并部分回用。现场可用地有限，不希望产生含铁污泥。欢迎臭氧催化氧化、电子束辐照等高级氧化技术，规模 3,000 m³/d，吨水运行成本不高于 1.5 元。',
    keywords: ['工业废水', '高级氧化', '臭氧催化氧化', '难降解有机物', '提标改造'], industries: ['4620', '2651'], matches: ['td09-catalytic-ozone', 'td10-ebeam-wastewater'],
  },
  {
    id: 'd-chem-pbat', org: 'sd-chem', by: 'chem', domain: 'TD07', trlNeeded: 7, days: 100, budget: [150, 300], modes: ['LICENSE'],
    title: '可降解 PBAT 改性薄膜专用料配方与工艺',
    description: '公司拟新建 3 万吨/年可降解改性料产线，需要 PBAT/PLA 共混改性技术：薄膜拉伸强度 ≥ 25 MPa、断裂伸长率 ≥ 400%，阻湿性能优于纯 PBAT，产品需通过 EN 13432 堆肥认证，用于快递袋和购物袋。',
    keywords: ['可降解塑料', 'PBAT', '改性', '生物基材料'], industries: ['2651', '2921'], matches: ['td07-pbat-modified'],
  },
  {
    id: 'd-chem-vocs', org: 'sd-chem', by: 'chem', domain: 'TD09', trlNeeded: 8, days: 30, budget: [80, 150], modes: ['SERVICE'],
    title: '树脂车间低浓度大风量 VOCs 废气治理',
    description: '树脂车间废气风量 6 万 m³/h、VOCs 浓度 300～600 mg/m³，需达到非甲烷总烃 ≤ 40 mg/m³ 的地方标准，现有活性炭吸附更换频繁、危废量大。寻求沸石转轮浓缩+催化燃烧等成熟方案的设计施工服务。',
    keywords: ['VOCs治理', '沸石转轮', '催化燃烧', '废气处理'], industries: ['7722', '2651'], matches: ['td09-vocs-rto'],
  },
  {
    id: 'd-chem-hydrogen', org: 'sd-chem', by: 'chem', domain: 'TD08', trlNeeded: 6, days: 180, budget: [300, 800], modes: ['JOINT'],
    title: '园区绿氢替代：碱性电解水制氢电极降耗',
    description: '园区计划建设 10 MW 风光制氢项目替代部分灰氢，需要降低碱性电解槽直流电耗至 4.3 kWh/Nm³ 以下，并适应 20%～100% 波动负荷。寻求高活性镍基电极或电解槽优化技术合作。',
    keywords: ['电解水制氢', '绿氢', '碱性电解槽', '电极材料'], industries: ['2619', '4419'], matches: ['td08-hydrogen-electrolyser'],
    status: 'draft',
  },
  // ── 中原粮油食品 (hn-food) ──
  {
    id: 'd-food-don', org: 'hn-food', by: 'food', domain: 'TD05', trlNeeded: 6, days: 60, budget: [150, 350], modes: ['LICENSE', 'JOINT'],
    title: '小麦麸皮与饲料原料呕吐毒素（DON）脱除技术',
    description: '受赤霉病影响，我司小麦加工副产物麸皮中呕吐毒素（DON）含量 2～4 mg/kg，超出饲料原料 1 mg/kg 的限量，年影响产值约 3,000 万元。寻求生物酶解或其他无残留脱毒技术，降解率 ≥ 80%、不明显损失营养成分、吨处理成本 ≤ 50 元，可在 5 吨/批规模上验证。',
    keywords: ['呕吐毒素', '真菌毒素', '生物降解', '小麦加工', '饲料安全'], industries: ['1312', '1329'], matches: ['td05-mycotoxin'],
  },
  {
    id: 'd-food-prepared', org: 'hn-food', by: 'food', domain: 'TD05', trlNeeded: 7, days: 40, budget: [40, 100], modes: ['LICENSE', 'SERVICE'],
    title: '预制菜冷藏货架期延长与复热风味保持',
    description: '公司中央厨房供应团餐与商超预制菜，目前 0～4 ℃ 货架期 5～7 天，损耗率 8%。需要不加化学防腐剂的复合保鲜技术，将货架期延长到 15 天以上，复热后风味与口感基本不变，适配现有气调包装线。',
    keywords: ['预制菜', '保鲜', '气调包装', '冷链'], industries: ['1432', '1353'], matches: ['td05-prepared-food'],
  },
  {
    id: 'd-food-storage', org: 'hn-food', by: 'food', domain: 'TD05', trlNeeded: 7, days: 90, budget: [50, 120], modes: ['SERVICE', 'LICENSE'],
    title: '粮库储粮害虫智能监测与绿色储粮改造',
    description: '公司自有粮库 24 个仓房（总仓容 30 万吨），需减少磷化氢熏蒸次数。寻求储粮害虫在线监测预警（能识别玉米象、谷盗等主要害虫）与低温储粮改造方案，保管损耗降到 0.5% 以下。',
    keywords: ['储粮害虫', '智能监测', '绿色储粮', '粮库'], industries: ['0514', '1312'], matches: ['td05-grain-storage'],
  },
  {
    id: 'd-food-irradiation', org: 'hn-food', by: 'food', domain: 'TD10', trlNeeded: 8, days: 50, budget: [80, 200], modes: ['SERVICE', 'LICENSE'],
    title: '调味料与脱水蔬菜冷杀菌工艺',
    description: '出口调味料与脱水蔬菜菌落总数需低于 10⁴ CFU/g，环氧乙烷熏蒸已被多个进口国禁止。寻求电子束辐照冷杀菌等替代工艺，色泽与风味保留好，年处理量约 1 万吨。',
    keywords: ['辐照杀菌', '电子束', '冷杀菌', '食品安全'], industries: ['1469', '1371'], matches: ['td10-irradiation-food'],
  },
  // ── 山城汽车零部件 (cq-auto) ──
  {
    id: 'd-auto-diecasting', org: 'cq-auto', by: 'auto', domain: 'TD02', trlNeeded: 6, days: 120, budget: [400, 1000], modes: ['JOINT', 'LICENSE'],
    title: '一体化压铸后地板用免热处理铝合金材料与工艺',
    description: '公司新购 7,000 吨压铸岛，承接车企一体化压铸后地板项目，需要免热处理高强韧铝合金：铸态屈服强度 ≥ 120 MPa、延伸率 ≥ 10%，满足自冲铆接；并需真空压铸工艺与模温控制支持，内部缺陷合格率 ≥ 95%。',
    keywords: ['一体化压铸', '免热处理铝合金', '轻量化', '真空压铸'], industries: ['3392', '3670'], matches: ['td02-die-casting'],
  },
  {
    id: 'd-auto-laser-weld', org: 'cq-auto', by: 'auto', domain: 'TD02', trlNeeded: 7, days: 70, budget: [100, 250], modes: ['LICENSE', 'SERVICE'],
    title: '铝合金电池托盘焊接气孔与变形控制',
    description: '我司铝合金电池托盘采用 MIG 焊，气孔导致气密性返修率约 4%，焊接变形大。寻求激光焊接或激光-电弧复合焊接工艺及在线质量监控，返修率降至 1% 以下、节拍提升 30%。',
    keywords: ['激光焊接', '铝合金', '电池托盘', '复合焊接'], industries: ['3670', '3360'], matches: ['td02-laser-weld'],
  },
  {
    id: 'd-auto-thermal', org: 'cq-auto', by: 'auto', domain: 'TD04', trlNeeded: 6, days: 150, budget: [300, 600], modes: ['JOINT'],
    title: '新能源汽车热泵集成热管理模块联合开发',
    description: '为配套车企下一代平台，需开发集成式热管理模块（阀岛/多通阀），低温 −20 ℃ 制热 COP ≥ 2.0，冬季续航提升 20% 以上，优先考虑 CO₂ 冷媒路线，计划 18 个月内完成 B 样。',
    keywords: ['热管理', '热泵', '新能源汽车', 'CO2冷媒'], industries: ['3670', '3464'], matches: ['td04-thermal-mgmt'],
  },
];
