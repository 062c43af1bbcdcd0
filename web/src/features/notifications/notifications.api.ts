import type { NotificationList } from '#shared/contracts/notifications.contract';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../shared/api/http';
import { safeNextPath } from '../../shared/auth/RequireAuth';

export const notificationKeys = { all: ['notifications'] as const, list: () => ['notifications', 'list'] as const };

export function listNotifications(signal?: AbortSignal): Promise<NotificationList> {
  return http.get('/notifications', { query: { limit: 20 }, signal });
}

export function markNotificationRead(id: string): Promise<unknown> {
  return http.post(`/notifications/${encodeURIComponent(id)}/read`, {});
}

export function markAllNotificationsRead(): Promise<{ updated: number }> {
  return http.post('/notifications/read-all', {});
}

/** The newest notifications and the unread count, refreshed every 30 s while signed in. */
export function useNotifications(enabled: boolean) {
  return useQuery({ queryKey: notificationKeys.list(), queryFn: ({ signal }) => listNotifications(signal), enabled, refetchInterval: 30_000 });
}

/** The page a notification opens: `data.link` for market events, the achievement for catalogue matches. */
export function notificationLink(n: { data: Record<string, unknown> }): string | null {
  const link = n.data.link;
  if (typeof link === 'string' && safeNextPath(link) === link) {
    return link;
  }
  const id = n.data.achievementId;
  return typeof id === 'string' ? `/achievements/${id}` : null;
}
