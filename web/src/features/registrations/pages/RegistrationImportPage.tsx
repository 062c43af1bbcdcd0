import type { ImportEncoding, ImportMode } from '#shared/contracts/imports.contract';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { networkError, parseErrorResponse } from '../../../shared/api/api-error';
import { CSRF_HEADER, currentCsrfToken } from '../../../shared/api/csrf';
import { API_BASE, buildQueryString } from '../../../shared/api/http';
import { newIdempotencyKey } from '../../../shared/api/idempotency';
import { defineMessages, useMessages } from '../../../shared/i18n/messages';
import { acceptLanguageOf, getLang } from '../../../shared/i18n/lang-store';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { saveTextFile } from '../../../shared/ui/save-text-file';
import { ImportFileDragger, ImportModeEncodingItems } from '../../imports/components/ImportFormParts';
import { csvText } from '../../imports/import-report';
import { registrationKeys } from '../registrations.api';

/** One entry of the row report (a problem, or a row skipped on re-import: code `skipped`). */
type ReportRow = { row: number; field: string; code: string; message: string };
/** The answer of POST /registrations/import (RegistrationImportReportSchema on the server). */
type ImportReport = {
  mode: ImportMode;
  format: string;
  encoding: string;
  total: number;
  created: number;
  skipped: number;
  failed: number;
  rows: ReportRow[];
  rowsTruncated: boolean;
  ids: string[];
};

/**
 * The template's columns (the first Chinese label of each input column the server reads, in its
 * order) with a hint for each. The server also takes the API field names as headers.
 */
const TEMPLATE_COLUMNS: readonly { label: string; zh: string; en: string; required?: boolean }[] = [
  { label: '外部编号', zh: '您自己的编号；再次导入时已有的行跳过', en: 'your own id; rows already imported are skipped on re-import' },
  { label: '合同编号', zh: '合同上的编号', en: 'the contract’s number' },
  { label: '项目名称', zh: '2–200 字', en: '2–200 characters', required: true },
  { label: '合同类别', zh: '技术开发/技术转让/技术许可/技术咨询/技术服务', en: 'DEV, TRF, LIC, CON or SVC' },
  {
    label: '合同子类',
    zh: '代码（如 TRF-PAT）或名称（如 专利权转让、专利实施许可）',
    en: 'code (e.g. TRF-PAT) or Chinese name',
    required: true,
  },
  { label: '许可方式', zh: '独占/排他/普通（专利、技术秘密许可必填）', en: 'exclusive / sole / non-exclusive (licences)' },
  { label: '标的内容', zh: '标的内容、范围和要求', en: 'subject, scope and requirements' },
  { label: '卖方机构ID', zh: '平台机构 ID（可不填，填信用代码即可）', en: 'platform organisation id (optional)' },
  { label: '卖方名称', zh: '卖方为您的机构时可不填', en: 'may be blank when the seller is your organisation' },
  { label: '卖方类型', zh: '企业/科研机构/高等院校/医疗卫生机构/其他事业法人/机关法人/社团法人/自然人', en: 'organisation type' },
  { label: '卖方企业性质', zh: '内资/港澳台/外资', en: 'domestic / HMT / foreign' },
  { label: '卖方统一社会信用代码', zh: '与您的机构一致时自动关联', en: 'links to your organisation when it matches' },
  { label: '卖方地区代码', zh: '6 位行政区划代码（境内必填）', en: '6-digit region code (domestic parties)' },
  { label: '卖方国别', zh: '中国、美国… 或 CN、US（默认中国）', en: 'country name or ISO code (default CN)' },
  { label: '买方机构ID', zh: '平台机构 ID（可不填）', en: 'platform organisation id (optional)' },
  { label: '买方名称', zh: '', en: '' },
  { label: '买方类型', zh: '同卖方类型', en: 'as for the seller' },
  { label: '买方企业性质', zh: '内资/港澳台/外资', en: 'domestic / HMT / foreign' },
  { label: '买方统一社会信用代码', zh: '境内法人必填', en: 'required for domestic legal persons' },
  { label: '买方地区代码', zh: '6 位行政区划代码（境内必填）', en: '6-digit region code (domestic parties)' },
  { label: '买方国别', zh: '默认中国', en: 'default CN' },
  { label: '技术领域', zh: 'TD01–TD11 或名称（如 新材料及其应用）', en: 'TD01–TD11 or name' },
  { label: '行业代码', zh: 'GB/T 4754 代码，如 C、35、3511', en: 'GB/T 4754 code, e.g. C, 35, 3511' },
  { label: '知识产权类型', zh: '发明专利、实用新型… 多个以顿号分隔', en: 'several separated by 、 ; or ,' },
  { label: '专利号', zh: '多个以分号分隔', en: 'several separated by ;' },
  { label: '计划类别', zh: '国家计划/部门计划/省级计划/地市县计划/计划外', en: 'plan category' },
  { label: '计划项目编号', zh: '', en: '' },
  { label: '社会经济目标', zh: 'SE01–SE14 或名称', en: 'SE01–SE14 or name' },
  { label: '签订日期', zh: '2026-10-20、2026/10/20 或 2026年10月20日', en: 'e.g. 2026-10-20' },
  { label: '有效期起', zh: '日期', en: 'a day' },
  { label: '有效期止', zh: '日期', en: 'a day' },
  {
    label: '支付方式',
    zh: '一次总付/分期支付/提成支付/提成支付附加预付入门费',
    en: 'lump sum / instalments / royalty / royalty with entry fee',
  },
  {
    label: '支付计划（元）',
    zh: '“日期 金额”，多笔以分号分隔，如 2026-11-30 600000;2027-06-30 600000',
    en: '“day amount”, separated by ;',
  },
  {
    label: '成交额（元）',
    zh: '元，最多两位小数（或用“成交额（分）”列）',
    en: 'yuan, up to 2 decimals (or a “（分）” column in fen)',
    required: true,
  },
  { label: '成交额（分）', zh: '', en: '' },
  { label: '非技术性费用（元）', zh: '设备、原材料等非技术性费用', en: 'non-technical costs' },
  { label: '非技术性费用（分）', zh: '', en: '' },
  { label: '技术交易额（元）', zh: '不填则为成交额减非技术性费用', en: 'defaults to contract amount minus non-technical costs' },
  { label: '技术交易额（分）', zh: '', en: '' },
  { label: '预计新增投入（元）', zh: '', en: '' },
  { label: '预计新增投入（分）', zh: '', en: '' },
  { label: '预计新增产值（元）', zh: '', en: '' },
  { label: '预计新增产值（分）', zh: '', en: '' },
];

const CONTENT_TYPES: Record<string, string> = {
  csv: 'text/csv',
  txt: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * POST /registrations/import with the file as the raw body, through XMLHttpRequest for the upload
 * progress: CSRF header, language and a fresh Idempotency-Key (a retried click does not import twice).
 */
function uploadRegistrations(
  file: File,
  mode: ImportMode,
  encoding: ImportEncoding,
  onProgress: (percent: number) => void,
): Promise<ImportReport> {
  const lang = getLang();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/registrations/import${buildQueryString({ mode, encoding, filename: file.name })}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', acceptLanguageOf(lang));
    xhr.setRequestHeader('Content-Type', CONTENT_TYPES[file.name.toLowerCase().split('.').pop() ?? ''] ?? 'application/octet-stream');
    xhr.setRequestHeader('Idempotency-Key', newIdempotencyKey());
    const csrf = currentCsrfToken();
    if (csrf) {
      xhr.setRequestHeader(CSRF_HEADER, csrf);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
      }
    };
    xhr.onerror = () => reject(networkError(lang));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) {
        resolve(body as ImportReport);
      } else {
        reject(
          parseErrorResponse(
            xhr.status >= 200 && xhr.status < 300 ? 502 : xhr.status,
            body,
            lang,
            xhr.getResponseHeader('x-request-id') ?? undefined,
          ),
        );
      }
    };
    xhr.send(file);
  });
}

const messages = defineMessages({
  zh: {
    title: '批量导入技术合同',
    subtitle: '将在其他地方签订的技术合同批量录入为登记申请草稿，逐条核对后再提交登记',
    back: '返回登记列表',
    fileTitle: '上传文件',
    template: '下载模板（CSV）',
    dropHint: '点击或拖拽文件到此处',
    dropFormats: '支持 CSV（UTF-8 或 GBK 编码）和 Excel XLSX，单个文件最多 5,000 行',
    columnsTitle: '列说明',
    columnsHelp:
      '列名可用模板中的中文列名或接口字段名；卖方须为您所在机构（填写其统一社会信用代码即可自动关联）。金额以元为单位（最多两位小数），也可使用“（分）”列。',
    column: '列名',
    hint: '说明',
    required: '必填',
    optionsTitle: '导入选项',
    mode: '导入方式',
    modeAll: '全部校验通过才导入（任何一行有误则整个文件都不导入）',
    modeValid: '只导入校验通过的行（有误的行列在报告中）',
    encoding: '文件编码（CSV）',
    encodingAuto: '自动识别',
    start: '开始导入',
    noFile: '请先选择文件',
    uploading: '正在上传',
    processing: '服务器正在校验并写入……',
    reportTitle: '导入结果',
    counts: { total: '数据行', created: '已创建草稿', skipped: '已跳过（重复导入）', failed: '有误的行' },
    outcome: {
      rejected: '文件中有错误，按“全部校验通过才导入”方式，未导入任何数据。请修改后重新上传。',
      partial: '部分行有误未导入，其余行已创建为登记申请草稿。',
      done: '导入完成，已创建为登记申请草稿，请到登记列表逐条核对并提交。',
      nothing: '没有新的数据需要导入。',
    },
    fileInfo: (format: string, encoding: string) => `文件格式 ${format.toUpperCase()}，编码 ${encoding}`,
    reportHeaders: ['行号', '字段', '代码', '说明'] as [string, string, string, string],
    skippedTag: '跳过',
    errorTag: '错误',
    reportEmpty: '没有错误',
    reportTruncated: '报告仅列出前 5,000 条',
    downloadReport: '下载报告（CSV）',
    viewDrafts: '查看我的登记草稿',
  },
  en: {
    title: 'Import technology contracts',
    subtitle: 'Enter contracts signed elsewhere as draft registration applications in bulk; check each one before submitting',
    back: 'Back to registrations',
    fileTitle: 'File',
    template: 'Download template (CSV)',
    dropHint: 'Click or drag a file here',
    dropFormats: 'CSV (UTF-8 or GBK) or Excel XLSX, up to 5,000 rows per file',
    columnsTitle: 'Columns',
    columnsHelp:
      'Headers may be the template’s Chinese labels or the API field names. The seller must be your organisation (its unified social credit code links it). Amounts in yuan with up to 2 decimals, or use the “（分）” columns in fen.',
    column: 'Column',
    hint: 'Notes',
    required: 'required',
    optionsTitle: 'Options',
    mode: 'Mode',
    modeAll: 'All or nothing (any invalid row and nothing is imported)',
    modeValid: 'Valid rows only (invalid rows are listed in the report)',
    encoding: 'Encoding (CSV)',
    encodingAuto: 'Detect',
    start: 'Import',
    noFile: 'Choose a file first',
    uploading: 'Uploading',
    processing: 'The server is checking and writing…',
    reportTitle: 'Result',
    counts: { total: 'Rows', created: 'Drafts created', skipped: 'Skipped (already imported)', failed: 'Rows with problems' },
    outcome: {
      rejected: 'The file has errors; in all-or-nothing mode nothing was imported. Correct it and upload again.',
      partial: 'Rows with problems were not imported; the others are now draft applications.',
      done: 'Imported as draft applications: check each one in the list and submit it.',
      nothing: 'Nothing new to import.',
    },
    fileInfo: (format: string, encoding: string) => `Format ${format.toUpperCase()}, encoding ${encoding}`,
    reportHeaders: ['Row', 'Field', 'Code', 'Message'],
    skippedTag: 'skipped',
    errorTag: 'error',
    reportEmpty: 'No problems',
    reportTruncated: 'The report lists the first 5,000 entries',
    downloadReport: 'Download report (CSV)',
    viewDrafts: 'View my drafts',
  },
});

/** /registrations/import — upload a CSV/XLSX of contracts, choose the mode, see the per-row report. */
export function RegistrationImportPage() {
  const t = useMessages(messages);
  const lang = useLang();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [percent, setPercent] = useState(0);

  const run = useMutation({
    mutationFn: (f: File) => {
      setPercent(0);
      return uploadRegistrations(f, mode, encoding, setPercent);
    },
    onSuccess: (report) => {
      if (report.created > 0) {
        void queryClient.invalidateQueries({ queryKey: registrationKeys.all });
      }
    },
  });
  const report = run.data;

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} extra={<Link to="/registrations">{t.back}</Link>} />
      <Flex vertical gap={16}>
        <Card
          title={t.fileTitle}
          extra={
            <Button
              icon={<DownloadOutlined />}
              onClick={() => saveTextFile('技术合同导入模板.csv', csvText([TEMPLATE_COLUMNS.map((c) => c.label)]))}
              data-testid="registration-import-template"
            >
              {t.template}
            </Button>
          }
        >
          <ImportFileDragger
            accept=".csv,.txt,.xlsx"
            file={file}
            onChange={(f) => {
              setFile(f);
              run.reset();
            }}
            hint={t.dropHint}
            formats={t.dropFormats}
            testId="registration-import-file"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t.columnsHelp}
          </Typography.Paragraph>
          <details>
            <summary>{t.columnsTitle}</summary>
            <Table
              size="small"
              rowKey="label"
              pagination={false}
              style={{ marginTop: 8 }}
              dataSource={TEMPLATE_COLUMNS.filter((c) => c.zh !== '' || c.required)}
              columns={[
                {
                  title: t.column,
                  key: 'label',
                  width: 220,
                  render: (_, c) => (
                    <Space size={4}>
                      <span>{c.label}</span>
                      {c.required ? <Tag color="red">{t.required}</Tag> : null}
                    </Space>
                  ),
                },
                { title: t.hint, key: 'hint', render: (_, c) => (lang === 'en' ? c.en : c.zh) },
              ]}
            />
          </details>
        </Card>

        <Card title={t.optionsTitle}>
          <Form layout="vertical" onFinish={() => file && run.mutate(file)}>
            <ImportModeEncodingItems
              mode={mode}
              onModeChange={setMode}
              encoding={encoding}
              onEncodingChange={setEncoding}
              labels={t}
              modeTestId="registration-import-mode"
            />
            {run.isPending ? (
              <div style={{ marginBottom: 16 }} data-testid="registration-import-progress">
                <Typography.Text type="secondary">{percent < 100 ? `${t.uploading} ${percent}%` : t.processing}</Typography.Text>
                <Progress percent={percent} status="active" showInfo={false} />
              </div>
            ) : null}
            {run.isError ? <ErrorAlert error={run.error} className="tn-block" /> : null}
            <Button type="primary" htmlType="submit" disabled={!file} loading={run.isPending} data-testid="registration-import-start">
              {file ? t.start : t.noFile}
            </Button>
          </Form>
        </Card>

        {report ? <ReportCard report={report} /> : null}
      </Flex>
    </>
  );
}

function ReportCard({ report }: { report: ImportReport }) {
  const t = useMessages(messages);
  const outcome =
    report.failed > 0 && report.mode === 'all' ? 'rejected' : report.failed > 0 ? 'partial' : report.created > 0 ? 'done' : 'nothing';
  const type = outcome === 'rejected' ? 'error' : outcome === 'partial' ? 'warning' : outcome === 'done' ? 'success' : 'info';
  return (
    <Card title={t.reportTitle} data-testid="registration-import-report">
      <Flex vertical gap={16}>
        <Alert
          type={type}
          showIcon
          message={<span data-testid="registration-import-outcome">{t.outcome[outcome]}</span>}
          description={t.fileInfo(report.format, report.encoding)}
        />
        <Flex gap={32} wrap>
          <Statistic title={t.counts.total} value={report.total} />
          <Statistic title={t.counts.created} value={report.created} />
          <Statistic title={t.counts.skipped} value={report.skipped} />
          <Statistic title={t.counts.failed} value={report.failed} valueStyle={report.failed ? { color: '#cf1322' } : undefined} />
        </Flex>
        <Table<ReportRow>
          size="small"
          rowKey={(r) => `${r.row}:${r.field}:${r.code}`}
          dataSource={report.rows}
          locale={{ emptyText: t.reportEmpty }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="registration-import-rows"
          columns={[
            { title: t.reportHeaders[0], dataIndex: 'row', width: 80, align: 'right' },
            { title: t.reportHeaders[1], dataIndex: 'field', width: 200 },
            {
              title: t.reportHeaders[2],
              key: 'code',
              width: 260,
              render: (_, r) => (
                <Space size={4}>
                  <Tag color={r.code === 'skipped' ? 'default' : 'red'}>{r.code === 'skipped' ? t.skippedTag : t.errorTag}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.code}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t.reportHeaders[3], dataIndex: 'message' },
          ]}
        />
        {report.rowsTruncated ? <Typography.Text type="warning">{t.reportTruncated}</Typography.Text> : null}
        <Space wrap>
          {report.rows.length ? (
            <Button
              onClick={() =>
                saveTextFile(
                  '技术合同导入报告.csv',
                  csvText([t.reportHeaders, ...report.rows.map((r) => [r.row, r.field, r.code, r.message])]),
                )
              }
            >
              {t.downloadReport}
            </Button>
          ) : null}
          {report.created > 0 ? (
            <Link to="/registrations?view=mine" data-testid="registration-import-drafts">
              {t.viewDrafts}
            </Link>
          ) : null}
        </Space>
      </Flex>
    </Card>
  );
}
