import { MAX_MATCH_TEXT_CHARS } from '#shared/contracts/search.contract';
import { BulbOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { useMatchAchievements, type MatchInput } from '../matching.api';
import { matchingMessages } from '../messages';
import { AchievementMatchList } from './AchievementMatchList';
import { ServiceError } from './ServiceError';

/** "Find technology for my problem": free text → POST /matching/achievements → ranked matches with reasons. */
export function ProblemMatchBox() {
  const t = useMessages(matchingMessages);
  const [text, setText] = useState('');
  const [input, setInput] = useState<MatchInput | null>(null);
  const query = useMatchAchievements(input);
  const trimmed = text.trim();

  return (
    <Card
      title={
        <span>
          <BulbOutlined /> {t.problemTitle}
        </span>
      }
      data-testid="problem-match"
      className="tn-block"
    >
      <Flex vertical gap={8}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t.problemPlaceholder}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={MAX_MATCH_TEXT_CHARS}
          aria-label={t.problemTitle}
          data-testid="problem-text"
        />
        <Flex justify="space-between" align="center">
          <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{t.problemHint(text.length, MAX_MATCH_TEXT_CHARS)}</span>
          <Button
            type="primary"
            disabled={trimmed.length === 0}
            loading={query.isFetching}
            onClick={() => setInput({ text: trimmed, limit: 10 })}
            data-testid="problem-submit"
          >
            {t.problemSubmit}
          </Button>
        </Flex>
        {input === null ? null : query.isPending ? (
          <LoadingBlock minHeight={80} />
        ) : query.isError ? (
          <ServiceError error={query.error} unavailable={t.unavailable} onRetry={() => void query.refetch()} testId="problem-error" />
        ) : (
          <AchievementMatchList items={query.data.items} testId="problem-results" />
        )}
      </Flex>
    </Card>
  );
}
