import type { CatalogueOrg, CatalogueUser, ExpertSeed } from './catalogue-types';

// Fictional demo data: names, organisations and people are invented (see the demo section of the README).

/** Enterprises that post technology demands (and own a few results), in provinces the base demo lacks. */
export const CATALOGUE_ORGS: CatalogueOrg[] = [
  { key: 'nd-battery', name: '闽东新能源电池科技有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '350902', description: '动力及储能锂离子电池制造企业，年产能 20 GWh，设有省级企业技术中心。' },
  { key: 'sd-chem', name: '齐鲁绿色化工股份有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '370303', description: '精细化工与新材料企业，主营环氧树脂、催化剂与水处理药剂。' },
  { key: 'hn-food', name: '中原粮油食品集团有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '410105', description: '小麦、玉米深加工与冷链食品企业，年加工粮食 150 万吨。' },
  { key: 'cq-auto', name: '山城汽车零部件有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '500112', description: '新能源汽车底盘、电驱壳体与轻量化结构件一级供应商。' },
  { key: 'zj-water', name: '钱塘水务环境有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '330110', description: '城镇供排水与工业废水处理运营企业，运营污水处理规模 85 万吨/日。' },
  { key: 'xa-aero', name: '秦岭航空精密部件有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '610116', description: '航空发动机与机载设备精密零部件制造企业，通过 AS9100D 认证。' },
  { key: 'sz-pharma', name: '姑苏生物医药科技有限公司（演示）', type: 'enterprise', creditPrefix: '91', regionCode: '320506', description: '抗体药物与体外诊断试剂研发生产企业。' },
];

const contact = (local: string, displayName: string, orgKey: string, regionCode: string): CatalogueUser => ({
  local,
  displayName,
  regionCode,
  roles: [{ role: 'enterprise_member', orgKey }],
  orgs: [{ key: orgKey, role: 'owner' }],
  login: 'demo',
});

const researcher = (local: string, displayName: string, orgKey: string, regionCode: string): CatalogueUser => ({
  local,
  displayName,
  regionCode,
  roles: [{ role: 'researcher' }],
  orgs: [{ key: orgKey, role: 'member' }],
  login: 'none',
});

/**
 * New demo accounts: one contact per new enterprise (demo password, to sign in and see matches for
 * its demands) and 20 researchers who fill the expert directory (unusable random passwords: no
 * login). All are `is_demo`, so the production guard refuses to start while they exist.
 */
export const CATALOGUE_USERS: CatalogueUser[] = [
  contact('battery', '林总工（闽东新能源）', 'nd-battery', '350902'),
  contact('chem', '孔经理（齐鲁化工）', 'sd-chem', '370303'),
  contact('food', '高主任（中原粮油）', 'hn-food', '410105'),
  contact('auto', '何工（山城汽车零部件）', 'cq-auto', '500112'),
  contact('water', '沈总（钱塘水务）', 'zj-water', '330110'),
  contact('aero', '马总师（秦岭航空部件）', 'xa-aero', '610116'),
  contact('pharma', '顾博士（姑苏生物医药）', 'sz-pharma', '320506'),
  researcher('jh-wangl', '王磊', 'jh-univ', '110108'),
  researcher('jh-liuy', '刘洋', 'jh-univ', '110108'),
  researcher('jh-zhaoq', '赵倩', 'jh-univ', '110108'),
  researcher('jh-huangt', '黄涛', 'jh-univ', '110108'),
  researcher('jh-xux', '徐欣', 'jh-univ', '110108'),
  researcher('wh-yangf', '杨帆', 'wh-univ', '420111'),
  researcher('wh-zhuj', '朱健', 'wh-univ', '420111'),
  researcher('wh-huq', '胡琦', 'wh-univ', '420111'),
  researcher('wh-guoh', '郭航', 'wh-univ', '420111'),
  researcher('wh-luom', '罗敏', 'wh-univ', '420111'),
  researcher('zk-liangc', '梁晨', 'zk-inst', '110108'),
  researcher('zk-songy', '宋云', 'zk-inst', '110108'),
  researcher('zk-tangx', '唐鑫', 'zk-inst', '110108'),
  researcher('zk-hanb', '韩冰', 'zk-inst', '110108'),
  researcher('cd-dengl', '邓丽', 'cd-inst', '510107'),
  researcher('cd-caoz', '曹志', 'cd-inst', '510107'),
  researcher('cd-pengw', '彭伟', 'cd-inst', '510107'),
  researcher('gz-xiej', '谢佳', 'gz-hosp', '440106'),
  researcher('gz-zengh', '曾浩', 'gz-hosp', '440106'),
  researcher('gz-luy', '卢颖', 'gz-hosp', '440106'),
];

/** Expert profiles: the base demo's researchers, brokers and TTO officers, and the 20 researchers above. */
export const EXPERT_SEEDS: ExpertSeed[] = [
  { local: 'researcher', title: '教授、博士生导师', bio: '京华理工大学机械与运载学院教授，长期从事精密运动控制与工业机器人研究，主持国家重点研发计划项目 2 项，授权发明专利 31 件，成果在 6 家装备企业实现转化。', domains: ['TD02', 'TD01'], discipline: '机械工程', keywords: ['工业机器人', '精密运动控制', '伺服驱动', '数字孪生'], regionCode: '110108', contact: 'via_tto' },
  { local: 'tto', title: '高级技术经理人', bio: '京华理工大学技术转移中心副主任，负责专利评估、许可谈判与作价投资，累计促成技术合同 120 余项、合同额 3.6 亿元。', domains: ['TD02', 'TD01', 'TD07'], discipline: '知识产权管理', keywords: ['专利评估', '技术许可', '作价投资', '技术合同登记'], regionCode: '110108', contact: 'platform_message' },
  { local: 'wh-researcher', title: '研究员', bio: '江城工业大学光电子研究院研究员，研究方向为硅基光电子集成与高速光模块，牵头制定团体标准 2 项。', domains: ['TD01', 'TD08'], discipline: '光学工程', keywords: ['硅光子', '光模块', '激光器', '光电集成'], regionCode: '420111', contact: 'via_tto' },
  { local: 'wh-tto', title: '技术经理人', bio: '江城工业大学技术转移中心主任，熟悉高校科技成果赋权改革与职务科技成果单列管理，服务光电与新能源企业 200 余家。', domains: ['TD01', 'TD08', 'TD07'], discipline: '科技管理', keywords: ['成果赋权', '技术转移', '光电子', '新能源'], regionCode: '420111', contact: 'platform_message' },
  { local: 'zk-researcher', title: '研究员、所长助理', bio: '中科先进材料研究所研究员，从事锂电正极材料表面工程与固态电解质研究，发表论文 90 余篇，授权发明专利 46 件。', domains: ['TD07', 'TD08'], discipline: '材料科学与工程', keywords: ['高镍正极', '原子层沉积', '固态电解质', '表面包覆'], regionCode: '110108', contact: 'via_tto' },
  { local: 'cd-researcher', title: '研究员', bio: '天府农业科学研究院作物研究所所长，主持水稻、油菜新品种选育，育成审定品种 14 个，累计推广 2,300 万亩。', domains: ['TD05'], discipline: '作物遗传育种', keywords: ['水稻育种', '油菜', '分子标记辅助选择', '种业'], regionCode: '510107', contact: 'platform_message' },
  { local: 'gz-doctor', title: '主任医师、教授', bio: '羊城医科大学附属医院心血管内科主任，关注介入器械与心电智能诊断的临床转化，牵头多中心临床试验 5 项。', domains: ['TD06'], discipline: '临床医学', keywords: ['介入器械', '心电监测', '临床试验', '医工结合'], regionCode: '440106', contact: 'via_tto' },
  { local: 'inventor', title: '高级工程师（个人发明人）', bio: '原农机企业总工程师，个人持有实用新型与发明专利 12 件，专注小型农机与节水灌溉装置。', domains: ['TD05', 'TD02'], discipline: '农业工程', keywords: ['小型农机', '节水灌溉', '丘陵山区', '实用新型'], regionCode: '510107', contact: 'public_email' },
  { local: 'broker', title: '高级技术经纪人', bio: '浦江技术转移服务有限公司合伙人，专注新材料与先进制造领域的技术评估、交易撮合和知识产权运营，完成技术交易额 5.2 亿元。', domains: ['TD07', 'TD02', 'TD08'], discipline: '技术经济', keywords: ['技术评估', '技术交易', '知识产权运营', '概念验证'], regionCode: '310104', contact: 'platform_message' },
  { local: 'nj-broker', title: '技术经纪人（中级）', bio: '金陵技术经纪人协会培训部负责人，服务江苏中小企业技术需求挖掘与对接，年均组织对接会 30 场。', domains: ['TD09', 'TD11', 'TD02'], discipline: '技术经济', keywords: ['需求挖掘', '技术对接', '中小企业', '技术经纪'], regionCode: '320102', contact: 'platform_message' },
  { local: 'jh-wangl', title: '副教授', bio: '从事嵌入式人工智能与边缘计算研究，面向工业视觉检测开发轻量化神经网络，已在 3 条产线部署。', domains: ['TD01'], discipline: '计算机科学与技术', keywords: ['边缘计算', '机器视觉', '模型压缩', '缺陷检测'], regionCode: '110108', contact: 'platform_message' },
  { local: 'jh-liuy', title: '教授', bio: '从事航空航天复合材料结构设计与健康监测，参与多个型号研制，授权发明专利 22 件。', domains: ['TD03', 'TD07'], discipline: '航空宇航科学与技术', keywords: ['复合材料结构', '结构健康监测', '无人机', '轻量化'], regionCode: '110108', contact: 'via_tto' },
  { local: 'jh-zhaoq', title: '副研究员', bio: '研究城市交通大数据与智能信号控制，成果应用于 5 个城市的 1,200 余个路口。', domains: ['TD04', 'TD11'], discipline: '交通运输工程', keywords: ['信号控制', '交通大数据', '车路协同', '智慧城市'], regionCode: '110108', contact: 'platform_message' },
  { local: 'jh-huangt', title: '教授', bio: '从事核技术应用与辐射探测研究，研制的探测器用于海关、医疗与核电站辐射监测。', domains: ['TD10', 'TD01'], discipline: '核科学与技术', keywords: ['辐射探测', '核仪器', '电子束辐照', '同位素'], regionCode: '110108', contact: 'via_tto' },
  { local: 'jh-xux', title: '副教授', bio: '研究土木工程智能建造与低碳建材，开发的固废基胶凝材料在 3 个示范工程应用。', domains: ['TD11', 'TD09'], discipline: '土木工程', keywords: ['智能建造', '低碳建材', '装配式建筑', '固废利用'], regionCode: '110108', contact: 'platform_message' },
  { local: 'wh-yangf', title: '教授', bio: '从事锂离子电池与钠离子电池电极材料研究，建有百吨级中试线，与 4 家电池企业共建联合实验室。', domains: ['TD08', 'TD07'], discipline: '电化学', keywords: ['钠离子电池', '硅碳负极', '快充', '电池回收'], regionCode: '420111', contact: 'via_tto' },
  { local: 'wh-zhuj', title: '副教授', bio: '研究电力电子与新能源并网，开发的碳化硅变流器在光伏与储能电站应用。', domains: ['TD08', 'TD01'], discipline: '电气工程', keywords: ['碳化硅', '储能变流器', '光伏逆变器', '微电网'], regionCode: '420111', contact: 'platform_message' },
  { local: 'wh-huq', title: '研究员', bio: '研究激光加工与光纤激光器，成果在汽车白车身焊接与动力电池极耳切割中应用。', domains: ['TD01', 'TD02'], discipline: '光学工程', keywords: ['光纤激光器', '激光焊接', '激光清洗', '超快激光'], regionCode: '420111', contact: 'via_tto' },
  { local: 'wh-guoh', title: '副教授', bio: '从事智能网联汽车与电驱动系统研究，参与国家新能源汽车重点专项。', domains: ['TD04', 'TD08'], discipline: '车辆工程', keywords: ['电驱动', '热管理', '智能网联', '轻量化'], regionCode: '420111', contact: 'platform_message' },
  { local: 'wh-luom', title: '讲师', bio: '研究工业废水高级氧化与膜分离技术，参与 8 个工业园区废水提标改造项目。', domains: ['TD09'], discipline: '环境科学与工程', keywords: ['高级氧化', '膜分离', '工业废水', '零排放'], regionCode: '420111', contact: 'platform_message' },
  { local: 'zk-liangc', title: '研究员', bio: '从事高性能陶瓷与热障涂层研究，成果用于燃气轮机和航空发动机热端部件。', domains: ['TD07', 'TD03'], discipline: '材料科学与工程', keywords: ['热障涂层', '结构陶瓷', '等离子喷涂', '高温合金'], regionCode: '110108', contact: 'via_tto' },
  { local: 'zk-songy', title: '副研究员', bio: '研究石墨烯与碳纳米管导电剂、导热材料的宏量制备，建成吨级示范线。', domains: ['TD07', 'TD01'], discipline: '化学', keywords: ['石墨烯', '碳纳米管', '导热界面材料', '导电浆料'], regionCode: '110108', contact: 'platform_message' },
  { local: 'zk-tangx', title: '研究员', bio: '从事核用材料与耐辐照合金研究，参与多个核电与聚变装置材料攻关。', domains: ['TD10', 'TD07'], discipline: '核科学与技术', keywords: ['耐辐照材料', '锆合金', '核级不锈钢', '中子屏蔽'], regionCode: '110108', contact: 'via_tto' },
  { local: 'zk-hanb', title: '副研究员', bio: '研究可降解高分子与生物基材料，开发的 PBAT 改性料通过欧盟堆肥认证。', domains: ['TD07', 'TD09'], discipline: '高分子材料', keywords: ['可降解塑料', '生物基材料', 'PBAT', '改性'], regionCode: '110108', contact: 'platform_message' },
  { local: 'cd-dengl', title: '副研究员', bio: '从事植物保护与绿色防控，研制的生物农药制剂获登记证 3 个。', domains: ['TD05', 'TD06'], discipline: '植物保护', keywords: ['生物农药', '绿色防控', '病虫害监测', '天敌昆虫'], regionCode: '510107', contact: 'platform_message' },
  { local: 'cd-caoz', title: '研究员', bio: '从事农产品加工与食品安全研究，开发的预制菜保鲜工艺在 12 家企业应用。', domains: ['TD05', 'TD06'], discipline: '食品科学与工程', keywords: ['农产品加工', '保鲜', '预制菜', '食品安全检测'], regionCode: '510107', contact: 'platform_message' },
  { local: 'cd-pengw', title: '助理研究员', bio: '研究智慧农业与农业物联网，负责数字果园和水肥一体化示范基地建设。', domains: ['TD05', 'TD01'], discipline: '农业工程', keywords: ['农业物联网', '水肥一体化', '遥感', '数字农业'], regionCode: '510107', contact: 'platform_message' },
  { local: 'gz-xiej', title: '副主任医师', bio: '影像科医师，研究医学影像人工智能辅助诊断，参与 2 个三类医疗器械注册。', domains: ['TD06', 'TD01'], discipline: '医学影像', keywords: ['影像人工智能', '肺结节', '辅助诊断', '医疗器械注册'], regionCode: '440106', contact: 'via_tto' },
  { local: 'gz-zengh', title: '研究员', bio: '临床药学研究员，从事中药新药与院内制剂开发，主持国家自然科学基金 3 项。', domains: ['TD06'], discipline: '药学', keywords: ['院内制剂', '中药新药', '药代动力学', '质量标准'], regionCode: '440106', contact: 'platform_message' },
  { local: 'gz-luy', title: '主治医师', bio: '康复医学科医师，研究康复机器人与可穿戴康复评估设备。', domains: ['TD06', 'TD02'], discipline: '康复医学', keywords: ['康复机器人', '可穿戴设备', '步态分析', '脑卒中康复'], regionCode: '440106', contact: 'platform_message' },
];
