import type { FunnelSeed } from './catalogue-types';

/**
 * Funnel activity on a few published listings, made through the service by the people who would
 * make it: enterprise contacts, brokers and the investor open listings, ask for the NDA-gated detail
 * and enquire; the owning organisation decides the access requests. Nothing is counted that was
 * not done.
 */
export const FUNNEL_SEEDS: readonly FunnelSeed[] = [
  {
    achievement: 'td07-ncm-ald',
    viewers: ['battery', 'broker', 'investor', 'chem', 'auto'],
    anonymousViews: 6,
    access: [
      { by: 'battery', message: '我司 NCM811 电芯高温产气问题突出，希望了解包覆工艺窗口与设备投资，以评估吨级导入。', grant: true },
      { by: 'investor', message: '关注正极材料干法包覆赛道，希望了解设备与工艺细节以评估作价投资可行性。', grant: false },
    ],
    enquiries: [{ by: 'battery', message: '能否安排在贵所中试线做一批 NCM811 的包覆验证？我方提供 200 kg 样品。' }],
  },
  {
    achievement: 'td08-sodium-cathode',
    viewers: ['battery', 'investor', 'broker', 'nj-broker'],
    anonymousViews: 4,
    access: [{ by: 'battery', message: '规划 2 GWh 钠电储能产线，希望了解掺杂与烧结制度以评估量产一致性。', grant: true }],
    enquiries: [
      { by: 'battery', message: '希望洽谈独占许可或共建材料公司的方案，请告知贵校赋权与作价入股的流程。' },
      { by: 'investor', message: '我们有意参与成果作价入股后的首轮融资，能否约时间与团队交流？' },
    ],
  },
  {
    achievement: 'td02-rv-reducer',
    viewers: ['enterprise', 'sy-enterprise', 'broker'],
    anonymousViews: 3,
    access: [{ by: 'enterprise', message: '我司年产 6 轴机器人 3,000 台，希望评估修形参数与磨削补偿数据的可移植性。', grant: true }],
    enquiries: [{ by: 'enterprise', message: '请报价 RV-20E、RV-40E 两个型号的独占许可，并说明技术培训安排。' }],
  },
  {
    achievement: 'td01-edge-vision',
    viewers: ['enterprise', 'auto', 'nj-broker', 'visitor'],
    anonymousViews: 5,
    access: [],
    enquiries: [{ by: 'enterprise', message: '我司精密冲压线每月换型 20 余次，能否先在一条线上试点 3 个月？' }],
  },
  {
    achievement: 'td05-mycotoxin',
    viewers: ['food', 'broker'],
    anonymousViews: 2,
    access: [{ by: 'food', message: '我司麸皮 DON 超标问题严重，希望了解酶制剂的发酵成本与供应能力。', grant: true }],
    enquiries: [{ by: 'food', message: '能否在我司饲料厂做 5 吨/批的现场验证？' }],
  },
  {
    achievement: 'td06-microfluidic-poct',
    viewers: ['pharma', 'investor'],
    anonymousViews: 3,
    access: [{ by: 'pharma', message: '拟布局胸痛中心 POCT 产品线，希望了解芯片工艺以评估量产良率。', grant: false }],
    enquiries: [],
  },
  {
    achievement: 'td03-tbc-coating',
    viewers: ['aero', 'broker'],
    anonymousViews: 1,
    access: [{ by: 'aero', message: '承接涡轮导向叶片批产任务，希望了解 PS-PVD 工艺窗口。', grant: true }],
    enquiries: [{ by: 'aero', message: '希望洽谈工艺许可与设备选型咨询，可否安排现场交流？' }],
  },
  {
    achievement: 'td09-catalytic-ozone',
    viewers: ['chem', 'water'],
    anonymousViews: 2,
    access: [],
    enquiries: [
      { by: 'water', message: '园区污水厂 10 万 m³/d 准Ⅳ类提标，请提供工艺包报价与已投运案例。' },
      { by: 'chem', message: '环氧树脂废水能否先做小试？我方可提供 50 L 水样。' },
    ],
  },
];
