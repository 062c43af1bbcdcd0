import type { TaxEffects } from '#shared/contracts/registrations.contract';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { registrationMessages } from '../messages';
import { formatFenText } from '../registration-view';

function Eligibility({ eligible }: { eligible: boolean }) {
  const t = useMessages(registrationMessages);
  return <Tag color={eligible ? 'success' : 'default'}>{eligible ? t.tax.eligible : t.tax.notEligible}</Tag>;
}

function TaxBlock({
  title,
  eligible,
  basis,
  note,
  children,
  testId,
}: {
  title: string;
  eligible: boolean;
  basis: string;
  note: string;
  children?: ReactNode;
  testId: string;
}) {
  const t = useMessages(registrationMessages);
  return (
    <Card size="small" type="inner" title={title} extra={<Eligibility eligible={eligible} />} data-testid={testId} data-eligible={eligible}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t.tax.basis}>{basis || '—'}</Descriptions.Item>
        {children}
      </Descriptions>
      {note ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }}>
          {note}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

/** VAT, enterprise income tax (with the seller's year income split) and the PIT reward window. */
export function TaxEffectsCard({ tax }: { tax: TaxEffects | null }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  return (
    <Card title={t.tax.title} extra={<Typography.Text type="secondary">{t.tax.hint}</Typography.Text>} data-testid="registration-tax">
      {tax ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <TaxBlock
              title={t.tax.vat}
              eligible={tax.vat.eligible}
              basis={tax.vat.basis}
              note={tax.vat.note}
              testId="registration-tax-vat"
            />
          </Col>
          <Col xs={24} lg={8}>
            <TaxBlock title={t.tax.eit} eligible={tax.eit.eligible} basis={tax.eit.basis} note={tax.eit.note} testId="registration-tax-eit">
              {tax.eit.year !== null ? <Descriptions.Item label={t.tax.year}>{tax.eit.year}</Descriptions.Item> : null}
              {tax.eit.sellerYearIncomeFen !== null ? (
                <Descriptions.Item label={t.tax.sellerYearIncome}>{formatFenText(tax.eit.sellerYearIncomeFen, lang)}</Descriptions.Item>
              ) : null}
              {tax.eit.exemptFen !== null ? (
                <Descriptions.Item label={t.tax.exempt}>{formatFenText(tax.eit.exemptFen, lang)}</Descriptions.Item>
              ) : null}
              {tax.eit.halvedFen !== null ? (
                <Descriptions.Item label={t.tax.halved}>{formatFenText(tax.eit.halvedFen, lang)}</Descriptions.Item>
              ) : null}
            </TaxBlock>
          </Col>
          <Col xs={24} lg={8}>
            <TaxBlock title={t.tax.pit} eligible={tax.pit.eligible} basis={tax.pit.basis} note={tax.pit.note} testId="registration-tax-pit">
              {tax.pit.rewardWindowEndsOn ? (
                <Descriptions.Item label={t.tax.rewardWindowEndsOn}>{formatDate(tax.pit.rewardWindowEndsOn, lang)}</Descriptions.Item>
              ) : null}
            </TaxBlock>
          </Col>
        </Row>
      ) : (
        <Typography.Text type="secondary">{t.tax.none}</Typography.Text>
      )}
    </Card>
  );
}
