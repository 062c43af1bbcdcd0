import type { AchievementStatus, AchievementSummary } from '#shared/contracts/achievements.contract';
import { Tag, Tooltip } from 'antd';
import { useCodeIndex } from '../../../shared/code-lists/code-lists.api';
import { itemLabel } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { achievementMessages } from '../messages';
import { formatFenRange } from '../money';

const STATUS_COLORS: Record<AchievementStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  published: 'success',
  withdrawn: 'warning',
  archived: 'default',
};

export function StatusTag({ status }: { status: AchievementStatus }) {
  const t = useMessages(achievementMessages);
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="achievement-status" data-status={status}>
      {t.statuses[status]}
    </Tag>
  );
}

/** 'TD05 新材料' → '新材料' for a technology-domain code; the code until the list has loaded. */
export function DomainName({ code }: { code: string | null | undefined }) {
  const lang = useLang();
  const { data } = useCodeIndex('technology-domains');
  if (!code) {
    return null;
  }
  const item = data?.byCode.get(code);
  return <>{item ? itemLabel(item, lang) : code}</>;
}

export function StaleTag() {
  const t = useMessages(achievementMessages);
  return (
    <Tooltip title={t.staleHint}>
      <Tag color="orange" data-testid="stale-badge">
        {t.stale}
      </Tag>
    </Tooltip>
  );
}

export function QualityTag({ score }: { score: number }) {
  const t = useMessages(achievementMessages);
  const color = score >= 80 ? 'green' : score >= 50 ? 'gold' : 'red';
  return (
    <Tag color={color} data-testid="quality-badge">
      {t.quality(score)}
    </Tag>
  );
}

/** Price as '面议' or an amount / range in 元. */
export function PriceText({ mode, min, max }: { mode: AchievementSummary['priceMode']; min: number | null; max: number | null }) {
  const t = useMessages(achievementMessages);
  const lang = useLang();
  const text = mode === 'negotiable' ? null : formatFenRange(min, max, lang);
  return <>{text ?? t.negotiable}</>;
}

/** The compact facts of a listing: domain, TRL, transfer modes, flags, stale and quality badges. */
export function ListingTags({
  a,
}: {
  a: Pick<AchievementSummary, 'domainCode' | 'trl' | 'transferModes' | 'openLicence' | 'stale' | 'qualityScore'>;
}) {
  const t = useMessages(achievementMessages);
  return (
    <>
      {a.domainCode ? (
        <Tag color="purple">
          <DomainName code={a.domainCode} />
        </Tag>
      ) : null}
      {a.trl ? <Tag color="blue">{t.trl(a.trl)}</Tag> : null}
      {a.transferModes.map((m) => (
        <Tag key={m}>{t.transferModes[m]}</Tag>
      ))}
      {a.openLicence ? <Tag color="green">{t.openLicence}</Tag> : null}
      {a.stale ? <StaleTag /> : null}
      {a.qualityScore !== undefined ? <QualityTag score={a.qualityScore} /> : null}
    </>
  );
}

/** GB/T 4754 codes as '3841 锂离子电池制造'; the bare codes until the list has loaded. */
export function IndustryNames({ codes }: { codes: readonly string[] }) {
  const lang = useLang();
  const { data } = useCodeIndex('industries');
  if (codes.length === 0) {
    return <>—</>;
  }
  return (
    <>
      {codes
        .map((code) => {
          const item = data?.byCode.get(code);
          return item ? `${code} ${itemLabel(item, lang)}` : code;
        })
        .join('、')}
    </>
  );
}
