import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { statisticsMessages } from '../messages';

/** Saves text as a file through a temporary object URL. */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

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
