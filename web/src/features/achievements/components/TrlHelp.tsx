import { Card, List, Typography } from 'antd';
import { useCodeList } from '../../../shared/code-lists/code-lists.api';
import { itemLabel } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { achievementMessages } from '../messages';

/** TRL 1–9 from the code list with typical evidence; the chosen level is marked. */
export function TrlHelp({ value }: { value?: number | null }) {
  const t = useMessages(achievementMessages).form;
  const lang = useLang();
  const list = useCodeList('trl');
  const evidenceOf = (extra: Record<string, unknown> | undefined): string | undefined => {
    const e = extra?.['evidence'];
    if (typeof e === 'object' && e !== null) {
      const v = (e as Record<string, unknown>)[lang];
      return typeof v === 'string' ? v : undefined;
    }
    return undefined;
  };
  return (
    <Card size="small" title={t.trlHelpTitle} data-testid="trl-help" style={{ background: '#fafafa' }}>
      <List
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        renderItem={(item) => {
          const active = Number(item.code) === value;
          const evidence = evidenceOf(item.extra);
          return (
            <List.Item
              key={item.code}
              data-testid={`trl-help-${item.code}`}
              style={active ? { background: '#e6f4ff' } : undefined}
              aria-current={active ? 'true' : undefined}
            >
              <div>
                <Typography.Text strong={active}>
                  TRL {item.code}：{itemLabel(item, lang)}
                </Typography.Text>
                {evidence ? (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
                    {t.trlEvidenceLabel}：{evidence}
                  </div>
                ) : null}
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
