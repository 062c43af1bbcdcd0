import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { NoticeStatusTag } from '../components/NoticeStatusTag';
import { ObjectionForm } from '../components/ObjectionForm';
import { ObjectionList } from '../components/ObjectionList';
import { daysRemaining } from '../notice-time';
import { useNotice, useNoticeMutation, withdrawNotice } from '../notices.api';
import { noticeMessages } from '../messages';

/** /notices/:id — one public notice, the objection form, and the objections for the seller side/operators. */
export function NoticeDetailPage() {
  const { id } = useParams<{ id: string }>();
  const t = useMessages(noticeMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const notice = useNotice(id);
  const withdraw = useNoticeMutation(() => withdrawNotice(id ?? ''));

  if (notice.isLoading) {
    return <Skeleton active />;
  }
  if (notice.isError || !notice.data) {
    if (isApiError(notice.error) && notice.error.status === 404) {
      return <Result status="404" title={t.detail.notFound} extra={<Link to="/notices">{t.detail.back}</Link>} />;
    }
    return <ErrorAlert error={notice.error} onRetry={() => void notice.refetch()} />;
  }
  const n = notice.data;
  return (
    <>
      <PageHeader
        title={n.achievementTitle}
        subtitle={<Link to="/notices">{t.detail.back}</Link>}
        extra={
          n.canWithdraw ? (
            <Popconfirm title={t.detail.withdrawConfirm} onConfirm={() => withdraw.mutate(undefined, { onSuccess: () => void message.success(t.detail.withdrawn) })}>
              <Button danger loading={withdraw.isPending} data-testid="notice-withdraw">
                {t.detail.withdraw}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
        <Card data-testid="notice-detail">
          <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
            <Descriptions.Item label={t.board.status}>
              <NoticeStatusTag status={n.status} />
              {n.status === 'open' ? <Typography.Text type="secondary"> {t.board.daysLeft(daysRemaining(n.endsOn, new Date()))}</Typography.Text> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t.detail.chainId}>{n.chainId}</Descriptions.Item>
            <Descriptions.Item label={t.board.achievement}>{n.achievementTitle}</Descriptions.Item>
            <Descriptions.Item label={t.detail.contributors}>{n.contributors}</Descriptions.Item>
            <Descriptions.Item label={t.board.parties}>
              {n.sellerName} → {n.buyerName}
            </Descriptions.Item>
            <Descriptions.Item label={t.board.price}>
              <span data-testid="notice-price">{formatFen(n.priceFen, lang)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t.board.method}>{t.pricingMethods[n.pricingMethod]}</Descriptions.Item>
            <Descriptions.Item label={t.detail.transferMode}>{t.modes[n.transferMode]}</Descriptions.Item>
            <Descriptions.Item label={t.board.period}>
              {n.startsOn} ~ {n.endsOn}（{t.board.workingDays(n.workingDays)}）
            </Descriptions.Item>
            <Descriptions.Item label={t.detail.deadline}>{formatDateTime(n.objectionDeadline, lang)}</Descriptions.Item>
            <Descriptions.Item label={t.detail.publishedAt}>{formatDateTime(n.publishedAt, lang)}</Descriptions.Item>
            {n.closedAt ? <Descriptions.Item label={t.detail.closedAt}>{formatDateTime(n.closedAt, lang)}</Descriptions.Item> : null}
            <Descriptions.Item label={t.detail.objectionChannel} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{n.objectionChannel}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t.board.objections} span={2}>
              <span data-testid="notice-objection-count">{t.detail.objectionCount(n.objectionCount, n.pendingObjectionCount)}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        {n.objections ? <ObjectionList notice={n} /> : null}
        <Card title={t.objection.title}>{n.acceptsObjections ? <ObjectionForm noticeId={n.id} /> : <Typography.Text type="secondary">{t.objection.closed}</Typography.Text>}</Card>
      </Flex>
    </>
  );
}
