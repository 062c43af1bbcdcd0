import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { statisticsMessages } from '../messages';
import { annualReportUrl, type StatSource } from '../statistics.api';

/** The annual report (年度统计报告) as files: plain links, the browser downloads them with the session cookie. */
export function DownloadsPanel({
  source,
  year,
  region,
  scopeName,
}: {
  source: StatSource;
  year: number;
  region?: string;
  scopeName: string;
}) {
  const t = useMessages(statisticsMessages);
  return (
    <Card title={t.downloadsTitle} data-testid="stat-downloads">
      <Typography.Paragraph>{t.annualReport(year, scopeName)}</Typography.Paragraph>
      <Flex gap={12} wrap>
        {source === 'internal' ? (
          <Button
            icon={<FileExcelOutlined />}
            href={annualReportUrl(source, 'xlsx', year, region)}
            download
            data-testid="stat-download-xlsx"
          >
            {t.downloadXlsx}
          </Button>
        ) : null}
        <Button icon={<FileTextOutlined />} href={annualReportUrl(source, 'csv', year, region)} download data-testid="stat-download-csv">
          {t.downloadCsv}
        </Button>
      </Flex>
    </Card>
  );
}
