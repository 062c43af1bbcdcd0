import type { Registration } from '#shared/contracts/registrations.contract';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Steps, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { useCodeIndex } from '../../../shared/code-lists/code-lists.api';
import { fullName } from '../../../shared/code-lists/code-tree';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { organisationMessages } from '../../organisations/messages';
import { ChangeDecisionModal, PendingChangeList } from '../components/ChangeDecisionModal';
import { ChangeRequestModal } from '../components/ChangeRequestModal';
import { DecisionModal } from '../components/DecisionModal';
import { FindingsList } from '../components/FindingsList';
import { HistoryTimeline, useReasonName } from '../components/HistoryTimeline';
import { RegistrationForm } from '../components/RegistrationForm';
import { RegistrationStatusTag } from '../components/RegistrationStatusTag';
import { TaxEffectsCard } from '../components/TaxEffectsCard';
import { registrationMessages } from '../messages';
import { fromRegistration, industryFromContract } from '../registration-form';
import { pick } from '../registration-labels';
import { detailActions, registrationSteps } from '../registration-view';
import { certificateUrl, submitRegistration, useRegistration, useRegistrationMutation, withdrawRegistration } from '../registrations.api';

type Dialog = 'decide' | 'change_request' | 'change_decision' | null;

function PartyDescriptions({ party, title }: { party: Registration['seller']; title: string }) {
  const t = useMessages(registrationMessages);
  const o = useMessages(organisationMessages);
  return (
    <Descriptions title={title} size="small" column={1} bordered data-testid="registration-party">
      <Descriptions.Item label={t.form.party.name}>
        {party.organisationId ? <Link to={`/organisations/${party.organisationId}`}>{party.name}</Link> : party.name}
      </Descriptions.Item>
      <Descriptions.Item label={t.form.party.type}>
        {o.types[party.type]}
        {party.enterpriseOwnership ? ` · ${o.ownerships[party.enterpriseOwnership]}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t.form.party.creditCode}>{party.creditCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t.form.party.country}>{party.countryCode}</Descriptions.Item>
      <Descriptions.Item label={t.form.party.region}>{party.regionName ?? party.regionCode ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** The buttons `allowedActions` permits, with their confirmations and dialogs. */
function ActionButtons({ r, onEdit, onDialog }: { r: Registration; onEdit: () => void; onDialog: (d: Dialog) => void }) {
  const t = useMessages(registrationMessages);
  const { message } = App.useApp();
  const submit = useRegistrationMutation(submitRegistration);
  const withdraw = useRegistrationMutation(withdrawRegistration);
  const buttons: ReactNode[] = detailActions(r).map((action) => {
    switch (action) {
      case 'edit':
        return (
          <Button key={action} onClick={onEdit} data-testid="registration-edit">
            {t.detail.edit}
          </Button>
        );
      case 'submit':
        return (
          <Popconfirm
            key={action}
            title={t.detail.submitConfirm}
            onConfirm={() => submit.mutate(r.id, { onSuccess: () => void message.success(t.detail.submitted) })}
            okButtonProps={{ ...{ 'data-testid': 'registration-submit-confirm' } }}
          >
            <Button type="primary" loading={submit.isPending} data-testid="registration-submit">
              {t.detail.submit}
            </Button>
          </Popconfirm>
        );
      case 'withdraw':
        return (
          <Popconfirm
            key={action}
            title={t.detail.withdrawConfirm}
            onConfirm={() => withdraw.mutate(r.id, { onSuccess: () => void message.success(t.detail.withdrawn) })}
          >
            <Button danger loading={withdraw.isPending} data-testid="registration-withdraw">
              {t.detail.withdraw}
            </Button>
          </Popconfirm>
        );
      case 'decide':
        return (
          <Button key={action} type="primary" onClick={() => onDialog('decide')} data-testid="registration-decide">
            {t.detail.decide}
          </Button>
        );
      case 'change_request':
        return (
          <Button key={action} onClick={() => onDialog('change_request')} data-testid="registration-change-request">
            {t.detail.changeRequest}
          </Button>
        );
      case 'change_decision':
        return (
          <Button key={action} type="primary" onClick={() => onDialog('change_decision')} data-testid="registration-change-decision">
            {t.detail.changeDecision}
          </Button>
        );
      case 'certificate':
        return (
          <Button key={action} icon={<DownloadOutlined />} href={certificateUrl(r.id)} data-testid="registration-certificate">
            {t.detail.certificate}
          </Button>
        );
    }
  });
  const error = submit.error ?? withdraw.error;
  return (
    <Flex vertical gap={8} align="flex-end">
      <Flex gap={8} wrap>
        {buttons}
      </Flex>
      {error ? <ErrorAlert error={error} /> : null}
    </Flex>
  );
}

/** /registrations/:id — one registration: every field, checks, tax effects, history and its actions. */
export function RegistrationDetailPage() {
  const { id } = useParams<{ id: string }>();
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const query = useRegistration(id);
  const industries = useCodeIndex('industries');
  const reasonName = useReasonName();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 403)) {
      return <Result status="404" title={t.detail.notFound} extra={<Link to="/registrations">{t.detail.back}</Link>} />;
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const r = query.data;
  const steps = registrationSteps(r.status);
  const industryName = industries.data ? fullName(industries.data, industryFromContract(r.industryCode), lang) : '';
  const recognition = r.recognition;

  return (
    <>
      <PageHeader
        title={r.projectName}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <Link to="/registrations">{t.detail.back}</Link>
            <span>·</span>
            <span data-testid="registration-no">{r.registrationNo ?? t.list.notNumbered}</span>
            <RegistrationStatusTag status={r.status} />
          </Flex>
        }
        extra={editing ? null : <ActionButtons r={r} onEdit={() => setEditing(true)} onDialog={setDialog} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={steps.current}
          status={steps.status}
          items={steps.keys.map((k) => ({ title: t.detail.steps[k] }))}
          data-testid="registration-steps"
        />
      </Card>

      {editing ? (
        <Card title={t.detail.editing}>
          <RegistrationForm
            mode="edit"
            registrationId={r.id}
            initialValues={fromRegistration(r)}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Card title={t.detail.sections.contract} data-testid="registration-detail">
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label={t.detail.registrationNo}>{r.registrationNo ?? t.list.notNumbered}</Descriptions.Item>
              <Descriptions.Item label={t.detail.status}>
                <RegistrationStatusTag status={r.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.chainId}>
                <Typography.Text copyable>{r.chainId}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.point}>{r.pointName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t.detail.submittedAt}>{formatDateTime(r.submittedAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.detail.decideBy}>
                <span data-testid="registration-decide-by">{formatDate(r.decideBy, lang)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.registeredOn}>{formatDate(r.registeredOn, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.detail.applicant}>
                <Link to={`/organisations/${r.applicantOrgId}`}>{r.applicantOrgName}</Link>
              </Descriptions.Item>
              {r.dealId ? (
                <Descriptions.Item label={t.detail.deal}>
                  <Link to={`/market/deals/${r.dealId}`}>{t.detail.openDeal}</Link>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t.form.contractNo}>{r.contractNo ?? '—'}</Descriptions.Item>
              {r.externalId ? <Descriptions.Item label={t.form.externalId}>{r.externalId}</Descriptions.Item> : null}
              <Descriptions.Item label={t.detail.category}>
                {t.categories[r.category]} · {t.subtypes[r.subtype]}
                {r.licenceMode ? ` · ${t.licenceModes[r.licenceMode]}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.crossBorder}>{t.crossBorder[r.crossBorder]}</Descriptions.Item>
              <Descriptions.Item label={t.form.technologyDomain}>
                {pick(t.domains, r.technologyDomain) ?? r.technologyDomain}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.industry}>
                {r.industryCode} {industryName}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.ipTypes}>
                {r.ipTypes.length === 0
                  ? '—'
                  : r.ipTypes.map((ip, i) => (
                      <Tag key={ip} color={i === 0 ? 'blue' : undefined}>
                        {t.ipTypes[ip]}
                        {i === 0 ? `（${t.detail.ipPrimary}）` : ''}
                      </Tag>
                    ))}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.ipNumbers}>{r.ipNumbers.length > 0 ? r.ipNumbers.join('、') : '—'}</Descriptions.Item>
              <Descriptions.Item label={t.form.planCategory}>
                {t.planCategories[r.planCategory]}
                {r.planProjectNo ? ` · ${r.planProjectNo}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.objective}>
                {r.socioEconomicObjective} {t.objectives[r.socioEconomicObjective]}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.signedOn}>{r.signedOn}</Descriptions.Item>
              <Descriptions.Item label={`${t.form.validFrom} ~ ${t.form.validTo}`}>
                {r.validFrom} ~ {r.validTo}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.paymentMethod}>{t.paymentMethods[r.paymentMethod]}</Descriptions.Item>
              <Descriptions.Item label={t.detail.version}>
                {r.version} · {formatDateTime(r.updatedAt, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t.form.summary} span="filled">
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.summary || '—'}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>

          <Card title={t.detail.sections.parties}>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <PartyDescriptions party={r.seller} title={t.detail.party.seller} />
              </Col>
              <Col xs={24} lg={12}>
                <PartyDescriptions party={r.buyer} title={t.detail.party.buyer} />
              </Col>
            </Row>
          </Card>

          <Card title={t.detail.sections.amounts} data-testid="registration-amounts">
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t.list.contractAmount}>
                <span data-testid="registration-contract-amount-value">{formatFen(r.contractAmountFen, lang)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t.list.techAmount}>
                <span data-testid="registration-tech-amount-value">{formatFen(r.techAmountFen, lang)}</span>
              </Descriptions.Item>
              {r.expectedInvestmentFen !== null ? (
                <Descriptions.Item label={t.form.expectedInvestment}>{formatFen(r.expectedInvestmentFen, lang)}</Descriptions.Item>
              ) : null}
              {r.expectedOutputFen !== null ? (
                <Descriptions.Item label={t.form.expectedOutput}>{formatFen(r.expectedOutputFen, lang)}</Descriptions.Item>
              ) : null}
            </Descriptions>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Table
                  size="small"
                  rowKey={(c) => `${c.item}:${c.amountFen}`}
                  pagination={false}
                  dataSource={r.nonTechnicalCosts}
                  locale={{ emptyText: t.detail.noCosts }}
                  title={() => t.form.nonTechnicalCosts}
                  columns={[
                    { title: t.form.costItem, dataIndex: 'item' },
                    { title: t.form.amount, key: 'amount', align: 'right', render: (_, c) => formatFen(c.amountFen, lang) },
                  ]}
                />
              </Col>
              <Col xs={24} lg={12}>
                <Table
                  size="small"
                  rowKey={(p) => `${p.dueOn}:${p.amountFen}`}
                  pagination={false}
                  dataSource={r.paymentSchedule}
                  locale={{ emptyText: t.detail.noSchedule }}
                  title={() => t.detail.sections.payment}
                  columns={[
                    { title: t.form.dueOn, dataIndex: 'dueOn' },
                    { title: t.form.amount, key: 'amount', align: 'right', render: (_, p) => formatFen(p.amountFen, lang) },
                    { title: t.form.note, key: 'note', render: (_, p) => p.note ?? '' },
                  ]}
                />
              </Col>
            </Row>
          </Card>

          {recognition ? (
            <Card title={t.detail.sections.recognition} data-testid="registration-recognition">
              <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
                <Descriptions.Item label={t.decide.outcome}>{t.outcomes[recognition.outcome]}</Descriptions.Item>
                <Descriptions.Item label={t.detail.decidedAt}>{formatDateTime(recognition.decidedAt, lang)}</Descriptions.Item>
                {recognition.recognisedTechAmountFen !== null ? (
                  <Descriptions.Item label={t.detail.recognisedTechAmount}>
                    {formatFen(recognition.recognisedTechAmountFen, lang)}
                  </Descriptions.Item>
                ) : null}
                {recognition.recognisedSubtype ? (
                  <Descriptions.Item label={t.detail.recognisedSubtype}>{t.subtypes[recognition.recognisedSubtype]}</Descriptions.Item>
                ) : null}
                {recognition.reasons.length > 0 ? (
                  <Descriptions.Item label={t.detail.reasons} span="filled">
                    {recognition.reasons.map(reasonName).join(lang === 'zh' ? '；' : '; ')}
                  </Descriptions.Item>
                ) : null}
                {recognition.note ? (
                  <Descriptions.Item label={t.detail.note} span="filled">
                    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{recognition.note}</Typography.Paragraph>
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}

          {r.pendingChange ? (
            <Card title={t.detail.sections.pendingChange} data-testid="registration-pending-change">
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label={t.detail.changeKind}>{t.change[r.pendingChange.kind]}</Descriptions.Item>
                <Descriptions.Item label={t.detail.changeReason}>{r.pendingChange.reason}</Descriptions.Item>
                {r.pendingChange.kind === 'amend' ? (
                  <Descriptions.Item label={t.detail.changes}>
                    <PendingChangeList registration={r} />
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            </Card>
          ) : null}

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t.detail.sections.findings} style={{ height: '100%' }}>
                <FindingsList findings={r.findings} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t.detail.sections.history} style={{ height: '100%' }}>
                <HistoryTimeline events={r.history} />
              </Card>
            </Col>
          </Row>
          <TaxEffectsCard tax={r.taxEffects} />
        </Flex>
      )}

      {/* Mounted only while open: each dialog owns a form bound to the registration as it is now. */}
      {dialog === 'decide' ? <DecisionModal registration={r} open onClose={() => setDialog(null)} /> : null}
      {dialog === 'change_request' ? <ChangeRequestModal registration={r} open onClose={() => setDialog(null)} /> : null}
      {dialog === 'change_decision' ? <ChangeDecisionModal registration={r} open onClose={() => setDialog(null)} /> : null}
    </>
  );
}
