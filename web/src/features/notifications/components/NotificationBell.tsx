import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { markAllNotificationsRead, markNotificationRead, notificationKeys, notificationLink, useNotifications } from '../notifications.api';
import { notificationsMessages } from '../messages';

/** Header bell: unread count, the newest notifications; opening one marks it read and goes to its page. */
export function NotificationBell() {
  const t = useMessages(notificationsMessages);
  const lang = useLang();
  const { user } = useSession();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useNotifications(Boolean(user));
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const read = useMutation({ mutationFn: markNotificationRead, onSettled: refresh });
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSettled: refresh });
  if (!user) {
    return null;
  }
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: 'auto' }} data-testid="notification-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', background: n.readAt ? undefined : 'rgba(22,119,255,0.06)' }}
              onClick={() => {
                if (!n.readAt) {
                  read.mutate(n.id);
                }
                const link = notificationLink(n);
                setOpen(false);
                if (link) {
                  void navigate(link);
                }
              }}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                      {n.body}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt, lang)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          {t.title}
          {unread > 0 ? (
            <Button size="small" type="link" onClick={() => readAll.mutate()}>
              {t.markAll}
            </Button>
          ) : null}
        </span>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button type="text" className="tn-header-button" icon={<BellOutlined />} aria-label={`${t.title}${unread ? `（${t.unread(unread)}）` : ''}`} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
