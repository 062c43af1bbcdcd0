import type { AchievementSummary } from '#shared/contracts/achievements.contract';
import type { AchievementHit, Highlight } from '#shared/contracts/search.contract';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { ListingTags, PriceText } from '../../achievements/components/ListingTags';
import { searchMessages } from '../messages';
import { HighlightText } from './HighlightText';

function pick(highlights: readonly Highlight[] | undefined, field: Highlight['field']): Highlight | undefined {
  return highlights?.find((h) => h.field === field);
}

/** One search hit (with highlights) or directory row (without). */
export function ResultCard({ item }: { item: AchievementHit | AchievementSummary }) {
  const t = useMessages(searchMessages);
  const highlights = 'highlights' in item ? item.highlights : undefined;
  const title = pick(highlights, 'title');
  const abstract = pick(highlights, 'abstract') ?? pick(highlights, 'description');
  const keywords = pick(highlights, 'keywords');
  return (
    <Card size="small" className="tn-result" data-testid="search-result" data-id={item.id}>
      <Flex vertical gap={6}>
        <Link to={`/achievements/${item.id}`} data-testid="search-result-link">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {title ? <HighlightText text={title.text} ranges={title.ranges} /> : item.title}
          </Typography.Title>
        </Link>
        <Typography.Paragraph style={{ margin: 0 }} type="secondary" ellipsis={{ rows: 3 }}>
          {abstract ? <HighlightText text={abstract.text} ranges={abstract.ranges} /> : item.abstractExcerpt}
        </Typography.Paragraph>
        {keywords ? (
          <Typography.Text style={{ fontSize: 12 }}>
            <HighlightText text={keywords.text} ranges={keywords.ranges} />
          </Typography.Text>
        ) : item.keywords.length > 0 ? (
          <Typography.Text style={{ fontSize: 12 }}>{item.keywords.join('、')}</Typography.Text>
        ) : null}
        <Flex gap={4} wrap align="center">
          <ListingTags a={item} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t.owner}
          {item.ownerOrgName} · {item.regionName} · {t.price}
          <PriceText mode={item.priceMode} min={item.priceMinFen} max={item.priceMaxFen} />
          {'score' in item ? ` · ${t.score(item.score)}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
