import type { ContactPolicy } from '#shared/contracts/experts.contract';
import { defineMessages } from '../../shared/i18n/messages';

export const expertMessages = defineMessages({
  zh: {
    list: {
      title: '专家库',
      subtitle: '按技术领域、地区和专长查找专家',
      search: '姓名、职称、学科或关键词',
      domain: '技术领域',
      region: '地区',
      reset: '清除条件',
      empty: '暂无专家',
      total: (n: number) => `共 ${n} 位`,
      myProfile: '我的专家档案',
      achievements: (n: number) => `${n} 项已发布成果`,
    },
    contactPolicies: { platform_message: '平台站内信', via_tto: '通过所在机构技术转移部门', public_email: '公开邮箱' } satisfies Record<
      ContactPolicy,
      string
    >,
    fields: {
      title: '职称 / 职务',
      bio: '个人简介',
      domainCodes: '技术领域',
      discipline: '学科',
      keywords: '专长关键词',
      region: '所在地区',
      contactPolicy: '联系方式',
      isPublic: '在专家库中公开',
    },
    detail: {
      organisations: '所在机构',
      contact: '联系方式',
      email: '邮箱',
      updated: '更新时间',
    },
    form: {
      title: '我的专家档案',
      subtitle: '完善档案后，您会出现在专家库中，并被推荐给相关成果和需求',
      save: '保存档案',
      saved: '专家档案已保存',
      none: '您还没有专家档案，填写下表即可创建。',
      view: '查看公开页面',
    },
  },
  en: {
    list: {
      title: 'Experts',
      subtitle: 'Find experts by technology domain, region and expertise',
      search: 'Name, title, discipline or keyword',
      domain: 'Domain',
      region: 'Region',
      reset: 'Clear',
      empty: 'No experts',
      total: (n: number) => `${n} in total`,
      myProfile: 'My expert profile',
      achievements: (n: number) => `${n} published listing(s)`,
    },
    contactPolicies: { platform_message: 'Platform message', via_tto: "Through the organisation's TTO", public_email: 'Public e-mail' },
    fields: {
      title: 'Title / position',
      bio: 'Biography',
      domainCodes: 'Technology domains',
      discipline: 'Discipline',
      keywords: 'Expertise keywords',
      region: 'Region',
      contactPolicy: 'Contact policy',
      isPublic: 'Listed in the directory',
    },
    detail: {
      organisations: 'Organisations',
      contact: 'Contact',
      email: 'E-mail',
      updated: 'Updated',
    },
    form: {
      title: 'My expert profile',
      subtitle: 'A complete profile puts you in the directory and in the matches of related listings and demands',
      save: 'Save profile',
      saved: 'Expert profile saved',
      none: 'You have no expert profile yet; fill in the form to create one.',
      view: 'View public page',
    },
  },
});
