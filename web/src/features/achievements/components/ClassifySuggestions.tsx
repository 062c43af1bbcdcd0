import type { ClassifyResult } from '#shared/contracts/search.contract';
import { BulbOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Tag, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { ServiceError } from '../../matching/components/ServiceError';
import { classifyListing } from '../../search/search.api';
import { achievementMessages } from '../messages';

export type ClassifySuggestionsProps = {
  /** Reads the draft's current title, abstract and keywords. */
  getDraft: () => { title: string; abstract: string; keywords: string[] };
  onPickDomain: (code: string) => void;
  onPickDiscipline: (label: string) => void;
  domain?: string | null;
  discipline?: string | null;
};

/** POST /classify on demand; suggestions are chips the author clicks to fill the fields. */
export function ClassifySuggestions({ getDraft, onPickDomain, onPickDiscipline, domain, discipline }: ClassifySuggestionsProps) {
  const t = useMessages(achievementMessages).form;
  const mutation = useMutation<ClassifyResult>({ mutationFn: () => classifyListing(getDraft()) });
  const data = mutation.data;
  const pct = (c: number) => (c >= 0 && c <= 1 ? ` ${Math.round(c * 100)}%` : '');
  return (
    <Flex vertical gap={6} className="tn-block" data-testid="classify-suggestions">
      <Flex gap={8} align="center" wrap>
        <Button icon={<BulbOutlined />} onClick={() => mutation.mutate()} loading={mutation.isPending} data-testid="classify-run">
          {t.suggest}
        </Button>
        {data ? <Typography.Text type="secondary">{t.suggestionsHint}</Typography.Text> : null}
      </Flex>
      {mutation.isError ? <ServiceError error={mutation.error} unavailable={t.suggestUnavailable} testId="classify-error" /> : null}
      {data && data.domain.length === 0 && data.discipline.length === 0 ? (
        <Typography.Text type="secondary">{t.noSuggestions}</Typography.Text>
      ) : null}
      {data && data.domain.length > 0 ? (
        <Flex gap={4} wrap align="center">
          {data.domain.map((s) => (
            <Tag.CheckableTag
              key={s.code}
              checked={domain === s.code}
              onChange={() => onPickDomain(s.code)}
              data-testid={`classify-domain-${s.code}`}
            >
              {s.label}
              {pct(s.confidence)}
            </Tag.CheckableTag>
          ))}
        </Flex>
      ) : null}
      {data && data.discipline.length > 0 ? (
        <Flex gap={4} wrap align="center">
          {data.discipline.map((s) => (
            <Tag.CheckableTag
              key={s.code}
              checked={discipline === s.label}
              onChange={() => onPickDiscipline(s.label)}
              data-testid={`classify-discipline-${s.code}`}
            >
              {s.label}
              {pct(s.confidence)}
            </Tag.CheckableTag>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
