import { IP_KINDS, PATENT_STATUSES, PATENT_TYPES, PRICE_MODES, TRANSFER_MODES } from '#shared/contracts/achievements.contract';
import type { ErrorCode } from '#shared/errors';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import type { FieldPath } from '../../../shared/forms/form-errors';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import type { AchievementFormValues } from '../achievement-form';
import { achievementMessages } from '../messages';
import { ClassifySuggestions } from './ClassifySuggestions';
import { DomainSelect, IndustryMultiSelect, TrlSelect } from './CodePickers';
import { TrlHelp } from './TrlHelp';

/** Server error codes that belong to one field of this form. */
export const ACHIEVEMENT_CODE_FIELDS: Partial<Record<ErrorCode, FieldPath>> = {
  'achievement/price_range_invalid': ['priceMaxFen'],
  'achievement/duplicate_external_id': ['externalId'],
  'region/unknown_code': ['regionCode'],
};

export type AchievementFormProps = {
  form: FormInstance<AchievementFormValues>;
  /** The owning-organisation picker (create only). */
  orgPicker?: ReactNode;
};

/** Every field of the achievement contract, grouped in cards. Prices are typed in 元. */
export function AchievementForm({ form, orgPicker }: AchievementFormProps) {
  const t = useMessages(achievementMessages);
  const f = t.fields;
  const trl = Form.useWatch('trl', form);
  const priceMode = Form.useWatch('priceMode', form);
  const domainCode = Form.useWatch('domainCode', form);
  const discipline = Form.useWatch('discipline', form);
  const ipKinds = Form.useWatch('ip', form);

  return (
    <>
      <Card title={t.form.basics} className="tn-block">
        {orgPicker}
        <Form.Item name="title" label={f.title} required>
          <Input maxLength={200} showCount data-testid="ach-title" />
        </Form.Item>
        <Form.Item name="abstract" label={f.abstract} required>
          <Input.TextArea maxLength={5000} showCount autoSize={{ minRows: 4, maxRows: 12 }} data-testid="ach-abstract" />
        </Form.Item>
        <Form.Item name="keywords" label={f.keywords} extra={f.keywordsHint}>
          <Select mode="tags" tokenSeparators={[',', '，', '、', ';', '；']} open={false} maxCount={20} data-testid="ach-keywords" />
        </Form.Item>
        <Form.Item name="comparison" label={f.comparison} extra={f.comparisonHint}>
          <Input.TextArea maxLength={3000} autoSize={{ minRows: 2, maxRows: 8 }} data-testid="ach-comparison" />
        </Form.Item>
        <Form.Item name="applications" label={f.applications}>
          <Input.TextArea maxLength={3000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="detail" label={f.detail}>
          <Input.TextArea maxLength={20000} autoSize={{ minRows: 3, maxRows: 12 }} data-testid="ach-detail" />
        </Form.Item>
      </Card>

      <Card title={t.form.classification} className="tn-block">
        <ClassifySuggestions
          getDraft={() => {
            const v = form.getFieldsValue(['title', 'abstract', 'keywords']) as AchievementFormValues;
            return {
              title: (v.title ?? '').slice(0, 200),
              abstract: (v.abstract ?? '').slice(0, 5000),
              keywords: (v.keywords ?? []).slice(0, 20),
            };
          }}
          onPickDomain={(code) => form.setFieldValue('domainCode', code)}
          onPickDiscipline={(label) => form.setFieldValue('discipline', label)}
          domain={domainCode}
          discipline={discipline}
        />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="domainCode" label={f.domainCode}>
              <DomainSelect data-testid="ach-domain" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="discipline" label={f.discipline}>
              <Input maxLength={60} data-testid="ach-discipline" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industryCodes" label={f.industryCodes}>
              <IndustryMultiSelect data-testid="ach-industries" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={f.region} extra={f.regionHint}>
              <RegionCascader data-testid="ach-region" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t.form.maturity} className="tn-block">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="trl" label={f.trl}>
              <TrlSelect data-testid="ach-trl" />
            </Form.Item>
            <Form.Item name="trlEvidence" label={f.trlEvidence}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="ach-trl-evidence" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <TrlHelp value={trl} />
          </Col>
        </Row>
        <Form.Item label={f.ip} style={{ marginTop: 16 }}>
          <Form.List name="ip">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => {
                  const kind = ipKinds?.[field.name]?.kind;
                  const isPatent = kind === 'patent' || kind === 'patent_application';
                  return (
                    <Flex key={field.key} gap={8} wrap align="flex-start" data-testid="ach-ip-row">
                      <Form.Item
                        name={[field.name, 'kind']}
                        noStyle={false}
                        style={{ marginBottom: 0, width: 150 }}
                        rules={[{ required: true, message: f.ipKind }]}
                      >
                        <Select
                          placeholder={f.ipKind}
                          aria-label={f.ipKind}
                          options={IP_KINDS.map((k) => ({ value: k, label: t.ipKinds[k] }))}
                          data-testid="ach-ip-kind"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'number']} style={{ marginBottom: 0, width: 200 }}>
                        <Input placeholder={f.ipNumber} aria-label={f.ipNumber} maxLength={40} data-testid="ach-ip-number" />
                      </Form.Item>
                      {isPatent ? (
                        <>
                          <Form.Item name={[field.name, 'patentType']} style={{ marginBottom: 0, width: 120 }}>
                            <Select
                              placeholder={f.ipPatentType}
                              aria-label={f.ipPatentType}
                              allowClear
                              options={PATENT_TYPES.map((k) => ({ value: k, label: t.patentTypes[k] }))}
                              data-testid="ach-ip-type"
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'legalStatus']} style={{ marginBottom: 0, width: 130 }}>
                            <Select
                              placeholder={f.ipStatus}
                              aria-label={f.ipStatus}
                              allowClear
                              options={PATENT_STATUSES.map((k) => ({ value: k, label: t.patentStatuses[k] }))}
                              data-testid="ach-ip-status"
                            />
                          </Form.Item>
                        </>
                      ) : null}
                      <Form.Item name={[field.name, 'title']} style={{ marginBottom: 0, flex: 1, minWidth: 160 }}>
                        <Input placeholder={f.ipTitle} aria-label={f.ipTitle} maxLength={200} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} aria-label={f.remove} onClick={() => remove(field.name)} />
                    </Flex>
                  );
                })}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'patent' })}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="ach-ip-add"
                >
                  {f.addIp}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Card>

      <Card title={t.form.commercial} className="tn-block">
        <Form.Item name="transferModes" label={f.transferModes}>
          <Checkbox.Group options={TRANSFER_MODES.map((m) => ({ value: m, label: t.transferModes[m] }))} data-testid="ach-transfer-modes" />
        </Form.Item>
        <Form.Item name="priceMode" label={f.priceMode}>
          <Radio.Group options={PRICE_MODES.map((m) => ({ value: m, label: t.priceModes[m] }))} data-testid="ach-price-mode" />
        </Form.Item>
        {priceMode === 'fixed' || priceMode === 'range' ? (
          <Flex gap={16} wrap>
            <Form.Item name="priceMinFen" label={priceMode === 'fixed' ? f.price : f.priceMin}>
              <InputNumber<number> min={0} precision={2} style={{ width: 200 }} data-testid="ach-price-min" />
            </Form.Item>
            {priceMode === 'range' ? (
              <Form.Item name="priceMaxFen" label={f.priceMax}>
                <InputNumber<number> min={0} precision={2} style={{ width: 200 }} data-testid="ach-price-max" />
              </Form.Item>
            ) : null}
          </Flex>
        ) : null}
        <Form.Item label={f.flags}>
          <Flex gap={16} wrap>
            <Form.Item name="openLicence" valuePropName="checked" noStyle>
              <Checkbox data-testid="ach-open-licence">{t.openLicence}</Checkbox>
            </Form.Item>
            <Form.Item name="dualUse" valuePropName="checked" noStyle>
              <Checkbox>{t.dualUse}</Checkbox>
            </Form.Item>
            <Form.Item name="exportControlled" valuePropName="checked" noStyle>
              <Checkbox>{t.exportControlled}</Checkbox>
            </Form.Item>
          </Flex>
        </Form.Item>
      </Card>

      <Card title={t.form.people} className="tn-block">
        <Form.Item label={f.team}>
          <Form.List name="team">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap>
                    <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0, width: 180 }}>
                      <Input placeholder={f.teamName} aria-label={f.teamName} maxLength={60} data-testid="ach-team-name" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'role']} style={{ marginBottom: 0, width: 220 }}>
                      <Input placeholder={f.teamRole} aria-label={f.teamRole} maxLength={60} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'userId']} hidden>
                      <Input />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={f.remove} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  style={{ alignSelf: 'flex-start' }}
                  data-testid="ach-team-add"
                >
                  {f.addTeam}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name={['funding', 'fiscal']} valuePropName="checked">
          <Checkbox data-testid="ach-funding-fiscal">{f.fundingFiscal}</Checkbox>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['funding', 'programme']} label={f.fundingProgramme}>
              <Input maxLength={120} data-testid="ach-funding-programme" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['funding', 'projectNumber']} label={f.fundingProject}>
              <Input maxLength={60} data-testid="ach-funding-project" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="awards" label={f.awards}>
          <Select mode="tags" open={false} maxCount={20} tokenSeparators={['；', ';']} />
        </Form.Item>
        <Form.Item name="externalId" label={f.externalId}>
          <Input maxLength={100} />
        </Form.Item>
      </Card>
    </>
  );
}
