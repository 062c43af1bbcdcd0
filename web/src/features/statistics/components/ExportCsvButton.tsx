import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { saveTextFile } from '../../../shared/ui/save-text-file';
import { statisticsMessages } from '../messages';

/** Exports the table on screen as CSV; the text is built only when clicked. */
export function ExportCsvButton({
  fileName,
  build,
  disabled,
  testId,
}: {
  fileName: string;
  build: () => string;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useMessages(statisticsMessages);
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      disabled={disabled}
      onClick={() => saveTextFile(fileName, build())}
      data-testid={testId}
    >
      {t.exportCsv}
    </Button>
  );
}
