export const notificationsMessages = {
  zh: {
    title: '通知',
    empty: '暂无通知',
    markAll: '全部标为已读',
    unread: (n: number) => `${n} 条未读`,
  },
  en: {
    title: 'Notifications',
    empty: 'No notifications',
    markAll: 'Mark all read',
    unread: (n: number) => `${n} unread`,
  },
};
