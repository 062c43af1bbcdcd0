import type { Proposal, SubmitProposal, Tender, TenderCriterion } from '#shared/contracts/tenders.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../../app/pages/NotFoundPage';
import { isApiError } from '../../../shared/api/api-error';
import { useSession } from '../../../shared/auth/useSession';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen, yuanToFen } from '../../achievements/money';
import { useOrganisationNames } from '../../organisations/organisations.api';
import { tenderMessages } from '../messages';
import { formatScoreX100 } from '#shared/contracts/tenders.contract';
import { ServerCountdown } from '../../../shared/ui/ServerCountdown';
import {
  awardTender,
  cancelTender,
  failTender,
  publishTender,
  scoreProposal,
  submitProposal,
  tenderKeys,
  useMyProposal,
  useProposals,
  useTender,
  withdrawProposal,
} from '../tenders.api';
import { TenderStatusTag } from './TenderListPage';

/** /market/tenders/:id — criteria, countdown, sealed count; the buyer's score sheet after opening; the bidder's proposal. */
export function TenderDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(tenderMessages);
  const lang = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const query = useTender(id);
  const d = query.data;
  const refresh = async (updated?: Tender) => {
    if (updated) {
      queryClient.setQueryData(tenderKeys.detail(updated.id), updated);
    }
    await queryClient.invalidateQueries({ queryKey: tenderKeys.all });
  };
  const publish = useMutation({
    mutationFn: () => publishTender(id),
    onSuccess: async (u) => {
      void message.success(t.detail.published);
      await refresh(u);
    },
  });
  const [cancelReason, setCancelReason] = useState('');
  const cancel = useMutation({ mutationFn: () => cancelTender(id, cancelReason), onSuccess: (u) => refresh(u) });

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError || !d) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <NotFoundPage />;
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const offsetMs = new Date(d.serverTime).getTime() - query.dataUpdatedAt;
  const awarded = d.ranking?.find((r) => r.proposalId === d.awardedProposalId);

  return (
    <>
      <PageHeader title={d.title} subtitle={<TenderStatusTag status={d.status} />} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card className="tn-block" data-testid="tender-summary">
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="tn-block">
              <Descriptions.Item label={t.detail.buyer}>
                <Link to={`/organisations/${d.buyerOrgId}`}>{d.buyerName}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.demand}>
                <Link to={`/demands/${d.demandId}`}>{d.demandTitle}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.budget}>
                {d.budgetMaxFen === null ? t.detail.noBudget : formatFen(d.budgetMaxFen, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t.detail.deadline}>{formatDateTime(d.deadline, lang)}</Descriptions.Item>
              {d.status === 'open' ? (
                <Descriptions.Item label={t.detail.countdown}>
                  <ServerCountdown target={d.deadline} offsetMs={offsetMs} ended={t.detail.closed} testId="tender-countdown" />
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t.list.proposals}>
                <Typography.Text data-testid="tender-sealed-count">
                  {d.ranking ? t.proposalCount(d.proposalCount) : t.sealedCount(d.proposalCount)}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="tender-description">
              {d.description}
            </Typography.Paragraph>
            {d.ranking ? null : <Typography.Text type="secondary">{t.detail.sealedHint}</Typography.Text>}
          </Card>
          <Card title={t.detail.criteria} className="tn-block" data-testid="tender-criteria">
            <Table<TenderCriterion>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={d.criteria}
              columns={[
                { title: t.detail.criterion, dataIndex: 'label' },
                { title: t.detail.weight, dataIndex: 'weight', render: (w: number) => `${w}%` },
                { title: t.detail.kind, dataIndex: 'kind', render: (k: TenderCriterion['kind']) => t.detail.kinds[k] },
              ]}
            />
          </Card>
          {d.ranking ? (
            <Card title={t.detail.ranking} className="tn-block" data-testid="tender-ranking">
              <Table
                rowKey="proposalId"
                size="small"
                pagination={false}
                dataSource={d.ranking}
                columns={[
                  { title: t.detail.rank, dataIndex: 'rank' },
                  { title: t.detail.bidder, dataIndex: 'bidderName' },
                  { title: t.detail.price, dataIndex: 'priceFen', render: (v: number) => formatFen(v, lang) },
                  { title: t.detail.total, dataIndex: 'totalScoreX100', render: (v: number | null) => formatScoreX100(v) },
                  { title: t.list.status, dataIndex: 'status', render: (s: Proposal['status']) => t.proposalStatuses[s] },
                ]}
              />
              {awarded ? (
                <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="tender-award">
                  <Descriptions.Item label={t.detail.awarded}>{awarded.bidderName}</Descriptions.Item>
                  <Descriptions.Item label={t.detail.awardReason}>{d.awardReason}</Descriptions.Item>
                </Descriptions>
              ) : null}
            </Card>
          ) : null}
          {d.closedReason ? (
            <Card size="small" className="tn-block">
              <Typography.Text>
                {t.detail.closedReason}：{d.closedReason}
              </Typography.Text>
            </Card>
          ) : null}
          {d.isBuyer && d.openedAt && d.status !== 'cancelled' ? <ScoreSheet tender={d} onChange={refresh} /> : null}
        </Col>
        <Col xs={24} lg={8}>
          {d.isBuyer && (d.status === 'draft' || d.status === 'open') ? (
            <Card size="small" title={t.list.buyer} className="tn-block" data-testid="tender-workflow">
              {publish.isError ? <ErrorAlert error={publish.error} className="tn-block" /> : null}
              {cancel.isError ? <ErrorAlert error={cancel.error} className="tn-block" /> : null}
              <Space direction="vertical" style={{ width: '100%' }}>
                {d.status === 'draft' ? (
                  <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()} data-testid="tender-publish">
                    {t.detail.publish}
                  </Button>
                ) : null}
                <Input
                  placeholder={t.detail.cancelReason}
                  value={cancelReason}
                  onChange={(e) => setCancelReason(e.target.value)}
                  data-testid="tender-cancel-reason"
                />
                <Popconfirm title={t.detail.cancel} onConfirm={() => cancel.mutate()}>
                  <Button danger disabled={cancelReason.trim().length < 2} loading={cancel.isPending} data-testid="tender-cancel">
                    {t.detail.cancel}
                  </Button>
                </Popconfirm>
              </Space>
            </Card>
          ) : null}
          {!d.isBuyer && d.status !== 'draft' ? (
            user ? (
              <MyProposalPanel tender={d} organisationIds={user.organisationIds} onChange={refresh} />
            ) : (
              <Card size="small" title={t.proposal.title}>
                <Link to="/login">{t.proposal.signIn}</Link>
              </Card>
            )
          ) : null}
        </Col>
      </Row>
    </>
  );
}

type ProposalValues = {
  priceYuan: string;
  transferMode: 'assign' | 'license';
  terms: string;
  technicalProposal: string;
  bidderOrgId?: string;
  achievementId?: string;
};

/** The bidder's own proposal: its status and outcome, and the sealed form until the deadline. Never shown to the buyer (`isBuyer`). */
function MyProposalPanel({
  tender,
  organisationIds,
  onChange,
}: {
  tender: Tender;
  organisationIds: string[];
  onChange: () => Promise<void>;
}) {
  const t = useMessages(tenderMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mine = useMyProposal(tender.id, true);
  const names = useOrganisationNames(organisationIds);
  const [priceError, setPriceError] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: (body: SubmitProposal) => submitProposal(tender.id, body),
    onSuccess: async (p) => {
      queryClient.setQueryData(tenderKeys.mine(tender.id), { proposal: p });
      void message.success(t.proposal.submitted);
      await onChange();
    },
  });
  const withdraw = useMutation({
    mutationFn: (proposalId: string) => withdrawProposal(tender.id, proposalId),
    onSuccess: async (p) => {
      queryClient.setQueryData(tenderKeys.mine(tender.id), { proposal: p });
      void message.success(t.proposal.withdrawn);
      await onChange();
    },
  });

  if (organisationIds.length === 0) {
    return (
      <Card size="small" title={t.proposal.title}>
        <Typography.Text type="secondary">{t.proposal.notMember}</Typography.Text>
      </Card>
    );
  }
  const onFinish = (values: ProposalValues) => {
    const priceFen = yuanToFen(values.priceYuan);
    setPriceError(priceFen === null ? t.proposal.priceInvalid : null);
    if (priceFen === null) {
      return;
    }
    submit.mutate({
      priceFen,
      transferMode: values.transferMode,
      terms: values.terms,
      technicalProposal: values.technicalProposal,
      ...(values.bidderOrgId ? { bidderOrgId: values.bidderOrgId } : {}),
      ...(values.achievementId ? { achievementId: values.achievementId.trim() } : {}),
    });
  };
  const p = mine.data?.proposal ?? null;
  // By the server's clock at the last answer; the server refuses late proposals anyway.
  const canBid = tender.status === 'open' && new Date(tender.deadline).getTime() > new Date(tender.serverTime).getTime();

  return (
    <Card size="small" title={t.proposal.title} data-testid="my-proposal">
      {mine.isError ? <ErrorAlert error={mine.error} className="tn-block" /> : null}
      {p ? (
        <Descriptions size="small" column={1} className="tn-block">
          <Descriptions.Item label={t.list.status}>
            <Tag data-testid="my-proposal-status" data-status={p.status}>
              {t.proposalStatuses[p.status]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t.proposal.bidderOrg}>{p.bidderName}</Descriptions.Item>
          <Descriptions.Item label={t.detail.price}>
            <span data-testid="my-proposal-price">{formatFen(p.priceFen, lang)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t.proposal.transferMode}>{t.transferModes[p.transferMode]}</Descriptions.Item>
          {p.totalScoreX100 !== null && p.status !== 'sealed' ? (
            <Descriptions.Item label={t.detail.total}>{formatScoreX100(p.totalScoreX100)}</Descriptions.Item>
          ) : null}
          {p.outcomeReason ? (
            <Descriptions.Item label={t.proposal.outcome}>
              <span data-testid="my-proposal-outcome">{p.outcomeReason}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Paragraph type="secondary">{t.proposal.none}</Typography.Paragraph>
      )}
      {p && p.status === 'sealed' && canBid ? (
        <Popconfirm title={t.proposal.withdraw} onConfirm={() => withdraw.mutate(p.id)}>
          <Button danger size="small" className="tn-block" loading={withdraw.isPending} data-testid="proposal-withdraw">
            {t.proposal.withdraw}
          </Button>
        </Popconfirm>
      ) : null}
      {canBid ? (
        <Form<ProposalValues>
          // Remount when the saved proposal arrives or changes, so the form starts from it.
          key={p ? `${p.id}:${p.updatedAt}` : 'new'}
          layout="vertical"
          data-testid="proposal-form"
          initialValues={{
            transferMode: p?.transferMode ?? 'assign',
            terms: p?.terms,
            technicalProposal: p?.technicalProposal,
            priceYuan: p ? String(p.priceFen / 100) : undefined,
          }}
          onFinish={onFinish}
        >
          <Typography.Text strong>{p ? t.proposal.replace : t.proposal.form}</Typography.Text>
          {submit.isError ? <ErrorAlert error={submit.error} className="tn-block" /> : null}
          {organisationIds.length > 1 ? (
            <Form.Item name="bidderOrgId" label={t.proposal.bidderOrg} rules={[{ required: true }]}>
              <Select
                options={organisationIds.map((o) => ({ value: o, label: names.get(o) ?? o }))}
                data-testid="proposal-org"
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="priceYuan"
            label={t.proposal.price}
            rules={[{ required: true }]}
            validateStatus={priceError ? 'error' : undefined}
            help={priceError ?? undefined}
          >
            <Input inputMode="decimal" data-testid="proposal-price" />
          </Form.Item>
          <Form.Item name="transferMode" label={t.proposal.transferMode}>
            <Radio.Group options={(['assign', 'license'] as const).map((m) => ({ value: m, label: t.transferModes[m] }))} />
          </Form.Item>
          <Form.Item name="terms" label={t.proposal.terms} rules={[{ required: true }]}>
            <Input.TextArea rows={2} data-testid="proposal-terms" />
          </Form.Item>
          <Form.Item name="technicalProposal" label={t.proposal.technical} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="proposal-technical" />
          </Form.Item>
          <Form.Item name="achievementId" label={t.proposal.achievement}>
            <Input data-testid="proposal-achievement" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="proposal-submit">
            {t.proposal.submit}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

/** The buyer's score sheet after opening: manual scores per proposal, computed totals and ranks, award or fail. */
function ScoreSheet({ tender, onChange }: { tender: Tender; onChange: () => Promise<void> }) {
  const t = useMessages(tenderMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const proposals = useProposals(tender.id, true);
  const manual = tender.criteria.filter((c) => c.kind === 'manual');
  const [drafts, setDrafts] = useState<Record<string, Record<string, number | null>>>({});
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<string | undefined>(undefined);
  /** The score typed for a manual criterion, else the saved one (0–100), else null. */
  const scoreOf = (p: Proposal, key: string): number | null => {
    const saved = p.scoresX100?.[key];
    return drafts[p.id]?.[key] ?? (saved !== undefined ? saved / 100 : null);
  };
  const after = async () => {
    await queryClient.invalidateQueries({ queryKey: tenderKeys.proposals(tender.id) });
    await onChange();
  };
  const save = useMutation({
    mutationFn: (p: Proposal) => {
      const scores: Record<string, number> = {};
      for (const c of manual) {
        const v = scoreOf(p, c.key);
        if (typeof v === 'number') {
          scores[c.key] = v;
        }
      }
      return scoreProposal(tender.id, p.id, { scores });
    },
    onSuccess: async () => {
      void message.success(t.sheet.saved);
      await after();
    },
  });
  const award = useMutation({ mutationFn: (proposalId: string) => awardTender(tender.id, { proposalId, reason }), onSuccess: after });
  const fail = useMutation({ mutationFn: () => failTender(tender.id, reason), onSuccess: after });

  if (proposals.isPending) {
    return <LoadingBlock minHeight={80} />;
  }
  if (proposals.isError) {
    return <ErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} />;
  }
  // The server lists them by rank.
  const items = proposals.data.items;
  if (items.length === 0) {
    return <Empty />;
  }
  const editable = tender.status === 'opened';
  const selected = choice ?? items[0]?.id;

  return (
    <Card title={t.sheet.title} data-testid="score-sheet">
      <Typography.Paragraph type="secondary">{t.sheet.hint}</Typography.Paragraph>
      {save.isError ? <ErrorAlert error={save.error} className="tn-block" /> : null}
      {items.map((p) => (
        <Card
          key={p.id}
          size="small"
          className="tn-block"
          data-testid={`score-card-${p.id}`}
          title={`${p.rank ?? '—'}. ${p.bidderName} · ${formatFen(p.priceFen, lang)}`}
          extra={<Tag>{t.proposalStatuses[p.status]}</Tag>}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t.sheet.terms}>{p.terms}</Descriptions.Item>
            <Descriptions.Item label={t.sheet.technical}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{p.technicalProposal}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t.proposal.transferMode}>{t.transferModes[p.transferMode]}</Descriptions.Item>
          </Descriptions>
          <Flex gap={12} wrap align="center">
            {tender.criteria.map((c) =>
              c.kind === 'price' ? (
                <Typography.Text key={c.key}>
                  {c.label}：{formatScoreX100(p.scoresX100?.[c.key])}
                </Typography.Text>
              ) : (
                <Space key={c.key}>
                  <Typography.Text>{c.label}</Typography.Text>
                  <InputNumber
                    min={0}
                    max={100}
                    precision={0}
                    disabled={!editable}
                    value={scoreOf(p, c.key)}
                    onChange={(v) => setDrafts((d) => ({ ...d, [p.id]: { ...d[p.id], [c.key]: typeof v === 'number' ? v : null } }))}
                    data-testid={`score-${p.id}-${c.key}`}
                  />
                </Space>
              ),
            )}
            <Typography.Text strong>
              {t.detail.total}：{formatScoreX100(p.totalScoreX100)}
            </Typography.Text>
            {editable && manual.length > 0 ? (
              <Button
                size="small"
                onClick={() => save.mutate(p)}
                loading={save.isPending && save.variables?.id === p.id}
                data-testid={`score-save-${p.id}`}
              >
                {t.sheet.save}
              </Button>
            ) : null}
          </Flex>
          {p.outcomeReason ? <Typography.Paragraph type="secondary">{p.outcomeReason}</Typography.Paragraph> : null}
        </Card>
      ))}
      {editable ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {award.isError ? <ErrorAlert error={award.error} /> : null}
          {fail.isError ? <ErrorAlert error={fail.error} /> : null}
          <Select
            value={selected}
            onChange={setChoice}
            options={items.map((p) => ({ value: p.id, label: `${p.rank ?? '—'}. ${p.bidderName}` }))}
            style={{ width: '100%' }}
            data-testid="award-choice"
          />
          <Input.TextArea
            rows={2}
            placeholder={t.sheet.awardReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="award-reason"
          />
          <Flex gap={8}>
            <Popconfirm title={t.sheet.awardConfirm} onConfirm={() => selected && award.mutate(selected)}>
              <Button type="primary" disabled={reason.trim().length < 2 || !selected} loading={award.isPending} data-testid="award-submit">
                {t.sheet.award}
              </Button>
            </Popconfirm>
            <Popconfirm title={t.sheet.fail} onConfirm={() => fail.mutate()}>
              <Button danger disabled={reason.trim().length < 2} loading={fail.isPending} data-testid="fail-submit">
                {t.sheet.fail}
              </Button>
            </Popconfirm>
          </Flex>
        </Space>
      ) : null}
    </Card>
  );
}
