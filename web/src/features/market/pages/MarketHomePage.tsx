import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { ListingTable } from '../components/ListingTable';
import { useListings, useLiveAuctions, useOpenNotices, useOpenTenders, useUpcomingAuctions, type AuctionFeedItem } from '../market.api';
import { marketMessages } from '../messages';

/** /market — listings, live and upcoming auctions, open tenders and public notices. */
export function MarketHomePage() {
  const t = useMessages(marketMessages);
  const lang = useLang();
  const listings = useListings({ page: 1, pageSize: 8 });
  const live = useLiveAuctions();
  const upcoming = useUpcomingAuctions();
  const tenders = useOpenTenders();
  const notices = useOpenNotices();
  const auctions: AuctionFeedItem[] = [...(live.data ?? []), ...(upcoming.data ?? [])];
  return (
    <>
      <PageHeader
        title={t.home.title}
        subtitle={t.home.subtitle}
        extra={
          <Space>
            <Link to="/market/deals">
              <Button>{t.home.myDeals}</Button>
            </Link>
            <Link to="/market/listings">
              <Button type="primary">{t.home.allListings}</Button>
            </Link>
          </Space>
        }
      />
      <Card title={t.home.listings} className="tn-block" data-testid="market-listings" style={{ marginBottom: 16 }}>
        <ListingTable items={listings.data?.items ?? []} loading={listings.isPending} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t.home.auctions} data-testid="market-auctions">
            <List
              dataSource={auctions}
              locale={{ emptyText: t.home.empty }}
              renderItem={(a) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <Space>
                        <Link to={`/market/auctions/${a.id}`}>{a.title}</Link>
                        <Tag color={a.phase === 'live' ? 'red' : 'blue'}>{a.phase === 'live' ? t.home.live : t.home.upcoming}</Tag>
                      </Space>
                    }
                    description={`${a.phase === 'live' && a.currentPriceFen !== null ? `${t.home.currentPrice} ${formatFen(a.currentPriceFen, lang)}` : `${t.home.startPrice} ${formatFen(a.startPriceFen, lang)}`} · ${t.home.bids(a.bidCount)} · ${formatDateTime(a.phase === 'live' ? a.endsAt : a.startsAt, lang)}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t.home.tenders} data-testid="market-tenders">
            <List
              dataSource={tenders.data ?? []}
              locale={{ emptyText: t.home.empty }}
              renderItem={(x) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/market/tenders/${x.id}`}>{x.title}</Link>}
                    description={`${x.buyerName} · ${t.home.deadline} ${formatDate(x.deadline, lang)}${x.budgetMaxFen !== null ? ` · ${t.home.budget} ${formatFen(x.budgetMaxFen, lang)}` : ''}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t.home.notices} data-testid="market-notices">
            <List
              dataSource={notices.data ?? []}
              locale={{ emptyText: t.home.empty }}
              renderItem={(n) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/notices/${n.id}`}>{n.achievementTitle}</Link>}
                    description={
                      <Typography.Text type="secondary">
                        {`${n.sellerName} → ${n.buyerName} · ${formatFen(n.priceFen, lang)} · ${t.home.noticePeriod} ${formatDate(n.startsOn, lang)} – ${formatDate(n.endsOn, lang)}`}
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
