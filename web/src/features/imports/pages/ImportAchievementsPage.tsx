import type { ImportEncoding, ImportJob, ImportMode, ImportRowError } from '#shared/contracts/imports.contract';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Progress, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { saveTextFile } from '../../../shared/ui/save-text-file';
import { ImportFileDragger, ImportModeEncodingItems } from '../components/ImportFormParts';
import { importPercent, reportCsv, TEMPLATE_CSV } from '../import-report';
import { exportUrl, getImportJob, importKeys, startImport } from '../imports.api';
import { importMessages } from '../messages';

const STATUS_TYPE = { running: 'info', succeeded: 'success', partial: 'warning', rejected: 'error', failed: 'error' } as const;

/** /achievements/import — upload, options, progress bar and the per-row report (汇交). */
export function ImportAchievementsPage() {
  const t = useMessages(importMessages);
  const [file, setFile] = useState<File | null>(null);
  const [org, setOrg] = useState('');
  const [mode, setMode] = useState<ImportMode>('all');
  const [publish, setPublish] = useState(false);
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [jobId, setJobId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (f: File) => startImport(f, { org, mode, publish, encoding }),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({
    queryKey: importKeys.job(jobId ?? ''),
    queryFn: ({ signal }) => getImportJob(jobId!, signal),
    enabled: jobId !== null,
    initialData: start.data?.id === jobId ? start.data : undefined,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
  const current: ImportJob | undefined = job.data;

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Flex vertical gap={16}>
        <Card
          title={t.fileTitle}
          extra={<Button onClick={() => saveTextFile('achievements-template.csv', TEMPLATE_CSV)}>{t.template}</Button>}
        >
          <ImportFileDragger
            accept=".csv,.txt,.xlsx,.jsonl,.ndjson"
            file={file}
            onChange={setFile}
            hint={t.dropHint}
            formats={t.dropFormats}
            testId="import-file"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t.columnsHelp}
          </Typography.Paragraph>
        </Card>

        <Card title={t.optionsTitle}>
          <Form layout="vertical" onFinish={() => file && start.mutate(file)}>
            <Form.Item label={t.org}>
              <Input
                value={org}
                onChange={(e) => setOrg(e.target.value)}
                placeholder={t.orgPlaceholder}
                maxLength={60}
                data-testid="import-org"
              />
            </Form.Item>
            <ImportModeEncodingItems mode={mode} onModeChange={setMode} encoding={encoding} onEncodingChange={setEncoding} labels={t} />
            <Form.Item>
              <Checkbox checked={publish} onChange={(e) => setPublish(e.target.checked)}>
                {t.publish}
              </Checkbox>
            </Form.Item>
            {start.isError ? <ErrorAlert error={start.error} className="tn-block" /> : null}
            <Button
              type="primary"
              htmlType="submit"
              disabled={!file}
              loading={start.isPending || current?.status === 'running'}
              data-testid="import-start"
            >
              {file ? t.start : t.noFile}
            </Button>
          </Form>
        </Card>

        {current ? <JobCard job={current} /> : null}
        {job.isError ? <ErrorAlert error={job.error} onRetry={() => void job.refetch()} /> : null}

        <Card title={t.exportTitle}>
          <Typography.Paragraph type="secondary">{t.exportHelp}</Typography.Paragraph>
          <Space wrap>
            {(['csv', 'xlsx', 'jsonl'] as const).map((f) => (
              <Button key={f} href={exportUrl(f, true)} download>
                {t.exportAs(f.toUpperCase())}
              </Button>
            ))}
          </Space>
        </Card>
      </Flex>
    </>
  );
}

function JobCard({ job }: { job: ImportJob }) {
  const t = useMessages(importMessages);
  const percent = importPercent(job);
  return (
    <Card title={t.progressTitle} data-testid="import-job">
      <Flex vertical gap={16}>
        <Progress
          percent={percent}
          status={job.status === 'running' ? 'active' : STATUS_TYPE[job.status] === 'error' ? 'exception' : 'normal'}
          data-testid="import-progress"
        />
        <Alert
          type={STATUS_TYPE[job.status]}
          showIcon
          message={<span data-testid="import-status">{t.status[job.status]}</span>}
          description={job.failure ?? (job.rowsPerSecond ? t.speed(job.rowsPerSecond) : undefined)}
        />
        <Flex gap={32} wrap>
          <Statistic title={t.counts.total} value={job.total} />
          <Statistic title={t.counts.created} value={job.created} />
          <Statistic title={t.counts.updated} value={job.updated} />
          <Statistic title={t.counts.unchanged} value={job.unchanged} />
          <Statistic title={t.counts.failed} value={job.failed} />
        </Flex>
        <Table<ImportRowError>
          size="small"
          rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
          dataSource={job.errors}
          locale={{ emptyText: t.reportEmpty }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="import-report"
          columns={[
            { title: t.reportHeaders[0], dataIndex: 'row', width: 80, align: 'right' },
            { title: t.reportHeaders[1], dataIndex: 'externalId', width: 160 },
            { title: t.reportHeaders[2], dataIndex: 'field', width: 140 },
            { title: t.reportHeaders[3], dataIndex: 'code', width: 180 },
            { title: t.reportHeaders[4], dataIndex: 'message' },
          ]}
        />
        {job.errorsTruncated ? <Typography.Text type="warning">{t.reportTruncated}</Typography.Text> : null}
        {job.errors.length ? (
          <div>
            <Button onClick={() => saveTextFile(`import-report-${job.id.slice(0, 8)}.csv`, reportCsv(job, t.reportHeaders))}>
              {t.download}
            </Button>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
