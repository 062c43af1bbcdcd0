import type { ImportEncoding, ImportJob, ImportMode, ImportRowError } from '#shared/contracts/imports.contract';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Progress,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { importPercent, reportCsv, TEMPLATE_CSV } from '../import-report';
import { exportUrl, getImportJob, importKeys, startImport } from '../imports.api';
import { importMessages } from '../messages';

function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

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
        <Card title={t.fileTitle} extra={<Button onClick={() => download('achievements-template.csv', TEMPLATE_CSV)}>{t.template}</Button>}>
          <Upload.Dragger
            accept=".csv,.txt,.xlsx,.jsonl,.ndjson"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t.dropHint}</p>
            <p className="ant-upload-hint">{t.dropFormats}</p>
          </Upload.Dragger>
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
            <Form.Item label={t.mode}>
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as ImportMode)}>
                <Space direction="vertical">
                  <Radio value="all">{t.modeAll}</Radio>
                  <Radio value="valid">{t.modeValid}</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            <Form.Item label={t.encoding}>
              <Select<ImportEncoding>
                value={encoding}
                onChange={setEncoding}
                style={{ width: 200 }}
                options={[
                  { value: 'auto', label: t.encodingAuto },
                  { value: 'utf8', label: 'UTF-8' },
                  { value: 'gbk', label: 'GBK / GB18030' },
                ]}
              />
            </Form.Item>
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
            <Button onClick={() => download(`import-report-${job.id.slice(0, 8)}.csv`, reportCsv(job, t.reportHeaders))}>
              {t.download}
            </Button>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
}
