import type { DemandSeed } from './catalogue-types';

// Fictional demo demands (技术需求): water, aerospace parts, biopharma, intelligent equipment, heavy machinery.

export const DEMANDS_WATER_AERO_PHARMA_EQUIPMENT: DemandSeed[] = [
  // ── 钱塘水务环境 (zj-water) ──
  {
    id: 'd-water-leakage', org: 'zj-water', by: 'water', domain: 'TD11', trlNeeded: 7, days: 90, budget: [60, 150], modes: ['LICENSE', 'SERVICE'],
    title: '供水管网漏损智能识别与分区计量（DMA）平台建设',
    description: '公司供水服务人口 180 万，管网长度 3,200 km，漏损率约 14%，需在两年内降到 9% 以下。寻求基于分区计量、压力与声学数据的漏损智能识别平台，能将漏点定位到 300 m 管段以内，并与现有 SCADA、GIS 对接。',
    keywords: ['管网漏损', '分区计量', '智慧水务', '供水管网'], industries: ['4610', '6513'], matches: ['td11-leak-detection'],
  },
  {
    id: 'd-water-sludge', org: 'zj-water', by: 'water', domain: 'TD09', trlNeeded: 7, days: 120, budget: [200, 500], modes: ['JOINT', 'SERVICE'],
    title: '工业园区污泥减量与资源化处置技术',
    description: '园区污水厂每日产生含水率 80% 的污泥 150 吨，外运焚烧费用 380 元/吨。需要污泥干化+炭化等减量化、资源化技术，减量 ≥ 85%，运行成本 ≤ 220 元/吨，产物可资源化利用。',
    keywords: ['污泥处理', '污泥干化', '资源化', '减量化'], industries: ['4620', '7723'], matches: ['td09-sludge-drying'],
  },
  {
    id: 'd-water-zld', org: 'zj-water', by: 'water', domain: 'TD09', trlNeeded: 7, days: 100, budget: [300, 800], modes: ['SERVICE', 'LICENSE'],
    title: '印染园区高盐废水零排放与分盐',
    description: '园区印染废水反渗透浓水 800 m³/d，含盐 3%～5%，需实现零排放并分质回收氯化钠、硫酸钠，杂盐率 ≤ 8%，吨水处理能耗 ≤ 35 kWh。要求有同类工程案例。',
    keywords: ['零排放', '分盐结晶', '膜分离', '高盐废水'], industries: ['4620', '1713'], matches: ['td09-zld-membrane'],
  },
  {
    id: 'd-water-ozone', org: 'zj-water', by: 'water', domain: 'TD09', trlNeeded: 7, days: 20, budget: [100, 300], modes: ['SERVICE'],
    title: '污水厂尾水 COD 提标至准Ⅳ类',
    description: '运营的 10 万 m³/d 工业园区污水厂需在明年执行准地表Ⅳ类标准，COD 需从 45 mg/L 稳定降至 30 mg/L。寻求臭氧催化氧化深度处理工艺包与运维服务。',
    keywords: ['臭氧催化氧化', '提标改造', '深度处理', '工业废水'], industries: ['4620', '7721'], matches: ['td09-catalytic-ozone'],
    status: 'closed',
  },
  // ── 秦岭航空精密部件 (xa-aero) ──
  {
    id: 'd-aero-tbc', org: 'xa-aero', by: 'aero', domain: 'TD03', trlNeeded: 6, days: 150, budget: [500, 1200], modes: ['LICENSE', 'JOINT'],
    title: '涡轮导向叶片长寿命热障涂层制备技术引进',
    description: '公司承接某型燃气轮机涡轮导向叶片批产任务，要求热障涂层 1,150 ℃ 热循环寿命 ≥ 2,000 次并具备抗 CMAS 腐蚀能力。现有大气等离子喷涂 8YSZ 涂层不满足要求，拟引进 PS-PVD 或 EB-PVD 工艺及稀土锆酸盐涂层材料技术。',
    keywords: ['热障涂层', '涡轮叶片', '航空发动机', 'PS-PVD'], industries: ['3744', '3360'], matches: ['td03-tbc-coating'],
  },
  {
    id: 'd-aero-am-titanium', org: 'xa-aero', by: 'aero', domain: 'TD03', trlNeeded: 7, days: 60, budget: [150, 400], modes: ['SERVICE', 'JOINT'],
    title: '钛合金复杂薄壁支架增材制造与后处理',
    description: '需要 TC4 钛合金复杂薄壁支架的激光选区熔化增材制造服务，年需求约 600 件，要求致密度 ≥ 99.9%，经热等静压后高周疲劳性能接近锻件，需提供材料与零件全套检验报告。',
    keywords: ['增材制造', '钛合金', '激光选区熔化', '热等静压'], industries: ['3744', '3493'], matches: ['td03-ti-am'],
  },
  {
    id: 'd-aero-shm', org: 'xa-aero', by: 'aero', domain: 'TD03', trlNeeded: 5, days: 200, budget: [100, 250], modes: ['JOINT'],
    title: '复合材料构件冲击损伤在线监测',
    description: '为无人机复合材料机翼开发结构健康监测功能，需识别 5 J 以上的冲击并定位（误差 ≤ 20 mm），传感系统增重 ≤ 1.5 kg，抗电磁干扰。光纤光栅方案优先。',
    keywords: ['结构健康监测', '复合材料结构', '光纤光栅', '冲击定位'], industries: ['3741', '3744'], matches: ['td03-composite-shm'],
  },
  // ── 姑苏生物医药 (sz-pharma) ──
  {
    id: 'd-pharma-protein-a', org: 'sz-pharma', by: 'pharma', domain: 'TD06', trlNeeded: 6, days: 80, budget: [300, 1000], modes: ['LICENSE', 'JOINT'],
    title: '国产高载量耐碱 Protein A 亲和层析介质替代',
    description: '公司 3 个单抗品种进入商业化生产，进口 Protein A 介质占下游成本 40% 以上且供货周期长。寻求动态载量 ≥ 60 mg/mL、耐 0.5 M NaOH 在位清洗 150 次以上的国产介质，配基脱落 ≤ 10 ppm，可支持工艺变更验证。',
    keywords: ['Protein A', '亲和层析', '抗体纯化', '层析介质'], industries: ['2761', '2762'], matches: ['td06-antibody-purification'],
  },
  {
    id: 'd-pharma-poct', org: 'sz-pharma', by: 'pharma', domain: 'TD06', trlNeeded: 7, days: 110, budget: [500, 1200], modes: ['LICENSE', 'EQUITY'],
    title: '心肌标志物微流控即时检测（POCT）产品线引进',
    description: '公司体外诊断板块拟布局胸痛中心 POCT 产品，需要 cTnI 高敏检测（检出限 ≤ 0.01 ng/mL）、15 分钟内出结果的微流控化学发光平台，已有注册证或完成临床比对者优先。',
    keywords: ['微流控', '即时检测', 'POCT', '心肌标志物', '体外诊断'], industries: ['2761', '3581'], matches: ['td06-microfluidic-poct'],
  },
  {
    id: 'd-pharma-tcm', org: 'sz-pharma', by: 'pharma', domain: 'TD06', trlNeeded: 6, days: 140, budget: [500, 1500], modes: ['ASSIGN', 'LICENSE'],
    title: '呼吸系统中药新药品种（院内制剂转化）',
    description: '寻求疗效确切、具有临床使用基础的呼吸系统院内制剂或中药复方，用于慢阻肺或慢性咳嗽，需有质量标准与临床数据，可按中药新药或古代经典名方路径开发。',
    keywords: ['院内制剂', '中药新药', '慢阻肺', '质量标准'], industries: ['2740'], matches: ['td06-tcm-granule'],
  },
  // ── 深圳鹏城智能装备 (sz-ent) ──
  {
    id: 'd-szent-vision', org: 'sz-ent', by: 'enterprise', domain: 'TD01', trlNeeded: 6, days: 75, budget: [60, 150], modes: ['LICENSE', 'JOINT'],
    title: '精密冲压件表面缺陷视觉检测系统（小样本快速换型）',
    description: '公司精密冲压产线每月换型 20 余次，人工目检漏检率约 6%。需要基于机器视觉的表面缺陷检测，能识别划痕、压伤、毛刺等缺陷，检出率 ≥ 99%、误报率 ≤ 1%，新品换型样本少、调试时间短，可在边缘计算设备上运行。',
    keywords: ['机器视觉', '缺陷检测', '边缘计算', '工业质检'], industries: ['3482', '6513'], matches: ['td01-edge-vision'],
  },
  {
    id: 'd-szent-reducer', org: 'sz-ent', by: 'enterprise', domain: 'TD02', trlNeeded: 7, days: 100, budget: [300, 600], modes: ['LICENSE', 'ASSIGN'],
    title: '6 轴机器人用精密 RV 减速器国产化技术',
    description: '公司年产 6 轴工业机器人 3,000 台，RV 减速器依赖进口、交期 6 个月。寻求 RV 减速器设计与摆线轮磨削工艺技术，回差 ≤ 1 arcmin、额定寿命 6,000 h，可转让或独占许可。',
    keywords: ['RV减速器', '工业机器人', '精密传动'], industries: ['3491', '3453'], matches: ['td02-rv-reducer'],
  },
  {
    id: 'd-szent-sic', org: 'sz-ent', by: 'enterprise', domain: 'TD08', trlNeeded: 6, days: 35, budget: [200, 400], modes: ['JOINT'],
    title: '工商业储能碳化硅储能变流器（PCS）',
    description: '开发 250 kW 工商业储能一体柜，需要碳化硅储能变流器，效率 ≥ 98.5%，支持并离网切换与虚拟同步机控制，可联合开发。',
    keywords: ['储能变流器', '碳化硅', '储能', '微电网'], industries: ['3824', '3821'], matches: ['td08-pcs-sic'],
    status: 'withdrawn',
  },
  // ── 盛京重型机械 (sy-ent) ──
  {
    id: 'd-sy-pdm', org: 'sy-ent', by: 'sy-enterprise', domain: 'TD01', trlNeeded: 7, days: 90, budget: [80, 200], modes: ['LICENSE', 'SERVICE'],
    title: '大型矿山与冶金设备预测性维护系统',
    description: '集团为客户提供的破碎机、球磨机与轧机设备需增加远程状态监测与故障预警服务，覆盖约 1,500 台设备。要求无线振动传感、轴承与齿轮故障提前预警 ≥ 14 天、诊断准确率 ≥ 90%。',
    keywords: ['预测性维护', '故障诊断', '振动监测', '工业物联网'], industries: ['3511', '6532'], matches: ['td01-industrial-iot'],
  },
  {
    id: 'd-sy-composite', org: 'sy-ent', by: 'sy-enterprise', domain: 'TD07', trlNeeded: 6, days: 110, budget: [200, 500], modes: ['JOINT'],
    title: '工程机械驾驶室轻量化：热塑性碳纤维复合材料',
    description: '寻求热塑性碳纤维复合材料快速成型与连接技术，用于驾驶室顶盖和发动机罩，减重 ≥ 35%，成型节拍 ≤ 5 分钟，零件可回收。',
    keywords: ['热塑性复合材料', '碳纤维', '轻量化', '快速模压'], industries: ['3062', '3514'], matches: ['td07-fiber-composite'],
  },
  {
    id: 'd-sy-ndt', org: 'sy-ent', by: 'sy-enterprise', domain: 'TD10', trlNeeded: 7, days: 65, budget: [100, 250], modes: ['LICENSE'],
    title: '辐射防护：探伤室紧凑型中子与伽马屏蔽材料',
    description: '新建加速器探伤室空间受限，需要中子/伽马一体化屏蔽材料，同等屏蔽效果下厚度比铅+含硼聚乙烯减少 30% 以上，无铅、可模压成型。',
    keywords: ['中子屏蔽', '辐射防护', '复合材料', '核防护'], industries: ['2929', '7452'], matches: ['td10-neutron-shield'],
  },
];
