import { TRANSFER_MODES } from '#shared/contracts/achievements.contract';
import type { ErrorCode } from '#shared/errors';
import { Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import type { FieldPath } from '../../../shared/forms/form-errors';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { DomainSelect, IndustryMultiSelect, TrlSelect } from '../../achievements/components/CodePickers';
import { achievementMessages } from '../../achievements/messages';
import { demandMessages } from '../messages';

export const DEMAND_CODE_FIELDS: Partial<Record<ErrorCode, FieldPath>> = {
  'demand/budget_range_invalid': ['budgetMaxFen'],
  'demand/deadline_past': ['deadline'],
  'demand/duplicate_external_id': ['externalId'],
  'region/unknown_code': ['regionCode'],
};

/** A YYYY-MM-DD string edited with the browser's date input (no date library needed). */
function DateInput({ value, onChange, id }: { value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  return (
    <Input
      id={id}
      type="date"
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value || null)}
      style={{ width: 200 }}
      data-testid="demand-deadline"
    />
  );
}

export function DemandForm({ orgPicker }: { orgPicker?: ReactNode }) {
  const t = useMessages(demandMessages);
  const ta = useMessages(achievementMessages);
  const f = t.fields;
  return (
    <Card className="tn-block">
      {orgPicker}
      <Form.Item name="title" label={f.title} required>
        <Input maxLength={200} showCount data-testid="demand-title" />
      </Form.Item>
      <Form.Item name="description" label={f.description} extra={f.descriptionHint} required>
        <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 4, maxRows: 12 }} data-testid="demand-description" />
      </Form.Item>
      <Form.Item name="keywords" label={f.keywords}>
        <Select mode="tags" open={false} maxCount={20} tokenSeparators={[',', '，', '、', ';', '；']} data-testid="demand-keywords" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="domainCode" label={f.domainCode}>
            <DomainSelect data-testid="demand-domain" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industryCodes" label={f.industryCodes}>
            <IndustryMultiSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={f.region}>
            <RegionCascader data-testid="demand-region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="trlNeeded" label={f.trlNeeded}>
            <TrlSelect data-testid="demand-trl" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="budgetMinFen" label={f.budgetMin}>
            <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} data-testid="demand-budget-min" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="budgetMaxFen" label={f.budgetMax}>
            <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} data-testid="demand-budget-max" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="deadline" label={f.deadline}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="cooperationModes" label={f.cooperationModes}>
        <Checkbox.Group options={TRANSFER_MODES.map((m) => ({ value: m, label: ta.transferModes[m] }))} />
      </Form.Item>
      <Form.Item name="externalId" label={f.externalId}>
        <Input maxLength={100} />
      </Form.Item>
    </Card>
  );
}
