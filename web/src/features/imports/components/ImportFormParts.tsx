import type { ImportEncoding, ImportMode } from '#shared/contracts/imports.contract';
import { InboxOutlined } from '@ant-design/icons';
import { Form, Radio, Select, Space, Upload } from 'antd';

// The parts every bulk-import page shares (achievements 汇交, contract registrations): the drop zone
// of the one file, and the two options of the upload (invalid rows, CSV text encoding).

/** The drop zone: one file, kept by the page (antd does not upload it); `null` when removed. */
export function ImportFileDragger({
  accept,
  file,
  onChange,
  hint,
  formats,
  testId,
}: {
  accept: string;
  file: File | null;
  onChange: (file: File | null) => void;
  hint: string;
  formats: string;
  testId: string;
}) {
  return (
    <Upload.Dragger
      accept={accept}
      maxCount={1}
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
      fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
      data-testid={testId}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{hint}</p>
      <p className="ant-upload-hint">{formats}</p>
    </Upload.Dragger>
  );
}

export type ImportOptionLabels = { mode: string; modeAll: string; modeValid: string; encoding: string; encodingAuto: string };

/** Form items: all-or-nothing or valid rows, and the encoding of a CSV (detected, UTF-8 or GBK). */
export function ImportModeEncodingItems({
  mode,
  onModeChange,
  encoding,
  onEncodingChange,
  labels,
  modeTestId,
}: {
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  encoding: ImportEncoding;
  onEncodingChange: (encoding: ImportEncoding) => void;
  labels: ImportOptionLabels;
  modeTestId?: string;
}) {
  return (
    <>
      <Form.Item label={labels.mode}>
        <Radio.Group value={mode} onChange={(e) => onModeChange(e.target.value as ImportMode)} data-testid={modeTestId}>
          <Space direction="vertical">
            <Radio value="all">{labels.modeAll}</Radio>
            <Radio value="valid">{labels.modeValid}</Radio>
          </Space>
        </Radio.Group>
      </Form.Item>
      <Form.Item label={labels.encoding}>
        <Select<ImportEncoding>
          value={encoding}
          onChange={onEncodingChange}
          style={{ width: 200 }}
          options={[
            { value: 'auto', label: labels.encodingAuto },
            { value: 'utf8', label: 'UTF-8' },
            { value: 'gbk', label: 'GBK / GB18030' },
          ]}
        />
      </Form.Item>
    </>
  );
}
