import {
  CONTRACT_IP_TYPES,
  CreateRegistrationSchema,
  LICENCE_MODES,
  LICENSABLE_SUBTYPES,
  PAYMENT_METHODS,
  PLAN_CATEGORIES,
  SOCIO_ECONOMIC_OBJECTIVES,
  TECHNOLOGY_DOMAIN_CODES,
} from '#shared/contracts/registrations.contract';
import { ENTERPRISE_OWNERSHIPS, ORGANISATION_TYPES } from '#shared/contracts/organisations.contract';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useCodeIndex, useCodeList } from '../../../shared/code-lists/code-lists.api';
import { itemLabel } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { IndustryTreeSelect } from '../../../shared/ui/IndustryTreeSelect';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { formatFen } from '../../achievements/money';
import { OrganisationSelect } from '../../organisations/components/OrganisationSelect';
import { organisationMessages } from '../../organisations/messages';
import { getOrganisation, organisationKeys } from '../../organisations/organisations.api';
import { registrationMessages } from '../messages';
import {
  computeTechAmount,
  contractIndustryCode,
  industryFromContract,
  scheduleTotalFen,
  type RegistrationFormValues,
  type TechAmount,
} from '../registration-form';
import { subtypeGroups } from '../registration-labels';

const REQUIRED = [{ required: true }];

const acceptsIndustryCode = (code: string) => CreateRegistrationSchema.shape.industryCode.safeParse(code).success;

/** The industry picker, sending the code in the form the contract accepts (the code list's own, or letter-prefixed). */
function ContractIndustrySelect({ value, onChange, id }: { value?: string; onChange?: (code: string | undefined) => void; id?: string }) {
  const industries = useCodeIndex('industries');
  return (
    <IndustryTreeSelect
      id={id}
      value={industryFromContract(value)}
      onChange={(code) => onChange?.(industries.data ? contractIndustryCode(code, industries.data.parentOf, acceptsIndustryCode) : code)}
      data-testid="registration-industry"
    />
  );
}

/** The computed 技术交易额 (a Form.Item child: the item carries its errors, the value is derived). */
function ComputedTechAmount({ tech }: { tech: TechAmount; value?: unknown; onChange?: unknown }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  if (tech.ok) {
    return (
      <Typography.Text strong style={{ fontSize: 18 }} data-testid="registration-tech-amount">
        {formatFen(tech.techFen, lang)}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type={tech.reason === 'contract' ? 'secondary' : 'danger'} data-testid="registration-tech-amount">
      {tech.reason === 'contract'
        ? t.form.techUnknown
        : tech.reason === 'cost'
          ? t.form.techCostInvalid
          : t.form.problems.costsExceedAmount}
    </Typography.Text>
  );
}

/** The total of the payment schedule next to 成交额 (a Form.Item child for schedule errors). */
function ScheduleTotal({
  totalFen,
  contractFen,
}: {
  totalFen: number | null;
  contractFen: number | null;
  value?: unknown;
  onChange?: unknown;
}) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  if (totalFen === null) {
    return null;
  }
  const differs = contractFen !== null && totalFen !== contractFen;
  return (
    <Typography.Text type={differs ? 'warning' : 'secondary'} data-testid="registration-schedule-total">
      {t.form.scheduleTotal(formatFen(totalFen, lang))}
      {differs ? `（${t.form.scheduleDiffers}）` : ''}
    </Typography.Text>
  );
}

/** Name, type, ownership, credit code, country and region of the seller or the buyer. */
function PartyFields({ side, testPrefix }: { side: 'seller' | 'buyer'; testPrefix: string }) {
  const t = useMessages(registrationMessages);
  const o = useMessages(organisationMessages);
  const form = Form.useFormInstance<RegistrationFormValues>();
  const queryClient = useQueryClient();
  const type = Form.useWatch([side, 'type'], form) as string | undefined;
  const country = Form.useWatch([side, 'countryCode'], form) as string | undefined;
  const domestic = !country || country.trim().toUpperCase() === 'CN';

  // Choosing a platform organisation fills the party from its record (the server takes them from it too).
  const onOrganisation = async (id: string | undefined) => {
    if (!id) {
      return;
    }
    const org = await queryClient.fetchQuery({
      queryKey: organisationKeys.detail(id),
      queryFn: ({ signal }) => getOrganisation(id, signal),
    });
    form.setFieldValue([side, 'name'], org.name);
    form.setFieldValue([side, 'type'], org.type);
    form.setFieldValue([side, 'enterpriseOwnership'], org.enterpriseOwnership ?? undefined);
    form.setFieldValue([side, 'creditCode'], org.creditCode ?? undefined);
    form.setFieldValue([side, 'countryCode'], 'CN');
    form.setFieldValue([side, 'regionCode'], org.regionCode);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={[side, 'organisationId']} label={t.form.party.organisation} extra={t.form.party.organisationHint}>
          <OrganisationSelect data-testid={`${testPrefix}-organisation`} onChange={(id) => void onOrganisation(id)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={[side, 'name']} label={t.form.party.name} rules={REQUIRED}>
          <Input maxLength={200} data-testid={`${testPrefix}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[side, 'type']} label={t.form.party.type} rules={REQUIRED}>
          <Select data-testid={`${testPrefix}-type`} options={ORGANISATION_TYPES.map((v) => ({ value: v, label: o.types[v] }))} />
        </Form.Item>
      </Col>
      {type === 'enterprise' ? (
        <Col xs={24} md={6}>
          <Form.Item name={[side, 'enterpriseOwnership']} label={t.form.party.ownership}>
            <Select
              allowClear
              data-testid={`${testPrefix}-ownership`}
              options={ENTERPRISE_OWNERSHIPS.map((v) => ({ value: v, label: o.ownerships[v] }))}
            />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24} md={type === 'enterprise' ? 12 : 18}>
        <Form.Item name={[side, 'creditCode']} label={t.form.party.creditCode}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} data-testid={`${testPrefix}-credit-code`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[side, 'countryCode']} label={t.form.party.country} extra={t.form.party.countryHint}>
          <Input maxLength={2} style={{ textTransform: 'uppercase' }} data-testid={`${testPrefix}-country`} />
        </Form.Item>
      </Col>
      {domestic ? (
        <Col xs={24} md={18}>
          <Form.Item name={[side, 'regionCode']} label={t.form.party.region}>
            <RegionCascader data-testid={`${testPrefix}-region`} />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}

/**
 * Every field of the 技术合同登记表, for use inside an AntD Form whose values are
 * RegistrationFormValues (create, edit, and the amendment dialog). 技术交易额 is computed live.
 */
export function RegistrationFormFields() {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const subtype = Form.useWatch('subtype', form);
  const planCategory = Form.useWatch('planCategory', form);
  const contractYuan = Form.useWatch('contractAmountFen', form);
  const costs = Form.useWatch('nonTechnicalCosts', form);
  const schedule = Form.useWatch('paymentSchedule', form);
  const contractTypes = useCodeList('contract-types');
  const domains = useCodeList('technology-domains');

  const groups = useMemo(() => subtypeGroups(contractTypes.data?.items, lang, t), [contractTypes.data, lang, t]);
  const domainOptions = useMemo(() => {
    const byCode = new Map((domains.data?.items ?? []).map((i) => [i.code, i]));
    return TECHNOLOGY_DOMAIN_CODES.map((code) => {
      const item = byCode.get(code);
      return { value: code, label: item ? itemLabel(item, lang) : t.domains[code] };
    });
  }, [domains.data, lang, t]);

  const tech = computeTechAmount(contractYuan, costs);
  const licensable = subtype !== undefined && LICENSABLE_SUBTYPES.includes(subtype);
  const isTransfer = subtype?.startsWith('TRF') ?? false;
  const contractFen = tech.contractFen;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t.form.sections.contract}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="projectName" label={t.form.projectName} rules={REQUIRED}>
              <Input maxLength={200} data-testid="registration-project-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contractNo" label={t.form.contractNo}>
              <Input maxLength={60} data-testid="registration-contract-no" />
            </Form.Item>
          </Col>
          <Col xs={24} md={licensable ? 10 : 16}>
            <Form.Item name="subtype" label={t.form.subtype} rules={REQUIRED}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t.form.subtypePlaceholder}
                options={groups}
                loading={contractTypes.isPending}
                data-testid="registration-subtype"
              />
            </Form.Item>
          </Col>
          {licensable ? (
            <Col xs={24} md={6}>
              <Form.Item name="licenceMode" label={t.form.licenceMode} rules={REQUIRED}>
                <Select
                  data-testid="registration-licence-mode"
                  options={LICENCE_MODES.map((m) => ({ value: m, label: t.licenceModes[m] }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={8}>
            <Form.Item name="externalId" label={t.form.externalId}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={t.form.summary} extra={t.form.summaryHint}>
              <Input.TextArea rows={4} maxLength={4000} showCount data-testid="registration-summary" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t.form.sections.seller}>
        <PartyFields side="seller" testPrefix="registration-seller" />
      </Card>
      <Card size="small" title={t.form.sections.buyer}>
        <PartyFields side="buyer" testPrefix="registration-buyer" />
      </Card>

      <Card size="small" title={t.form.sections.classification}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="technologyDomain" label={t.form.technologyDomain} rules={REQUIRED}>
              <Select options={domainOptions} loading={domains.isPending} data-testid="registration-domain" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="industryCode" label={t.form.industry} rules={REQUIRED}>
              <ContractIndustrySelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="socioEconomicObjective" label={t.form.objective} rules={REQUIRED}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="registration-objective"
                options={SOCIO_ECONOMIC_OBJECTIVES.map((c) => ({ value: c, label: `${c} ${t.objectives[c]}` }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ipTypes" label={t.form.ipTypes} extra={t.form.ipTypesHint}>
              <Select
                mode="multiple"
                allowClear
                data-testid="registration-ip-types"
                options={CONTRACT_IP_TYPES.map((c) => ({ value: c, label: t.ipTypes[c] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ipNumbers" label={t.form.ipNumbers} extra={t.form.ipNumbersHint}>
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} data-testid="registration-ip-numbers" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="planCategory" label={t.form.planCategory}>
              <Select data-testid="registration-plan" options={PLAN_CATEGORIES.map((c) => ({ value: c, label: t.planCategories[c] }))} />
            </Form.Item>
          </Col>
          {planCategory && planCategory !== 'none' ? (
            <Col xs={24} md={8}>
              <Form.Item name="planProjectNo" label={t.form.planProjectNo}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Card>

      <Card size="small" title={t.form.sections.dates}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="signedOn" label={t.form.signedOn} rules={REQUIRED}>
              <Input type="date" data-testid="registration-signed-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="validFrom" label={t.form.validFrom} rules={REQUIRED}>
              <Input type="date" data-testid="registration-valid-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="validTo" label={t.form.validTo} rules={REQUIRED}>
              <Input type="date" data-testid="registration-valid-to" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="paymentMethod" label={t.form.paymentMethod} rules={REQUIRED}>
              <Select
                data-testid="registration-payment-method"
                options={PAYMENT_METHODS.map((m) => ({ value: m, label: t.paymentMethods[m] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t.form.paymentSchedule}</Typography.Text>
        </div>
        <Form.List name="paymentSchedule">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'dueOn']} label={t.form.dueOn}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountFen']} label={t.form.amount}>
                    <Input inputMode="decimal" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'note']} label={t.form.note}>
                    <Input maxLength={200} style={{ width: 240 }} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t.form.remove} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 8 }} data-testid="registration-add-payment">
                {t.form.addPayment}
              </Button>
            </>
          )}
        </Form.List>
        {/* Outside the list: inside it, the name would be taken as a key of the list itself. */}
        <Form.Item name="paymentScheduleTotal">
          <ScheduleTotal totalFen={scheduleTotalFen(schedule)} contractFen={contractFen} />
        </Form.Item>
      </Card>

      <Card size="small" title={t.form.sections.amounts}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="contractAmountFen" label={t.form.contractAmount} rules={REQUIRED}>
              <Input inputMode="decimal" data-testid="registration-contract-amount" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="techAmountFen" label={t.form.techAmount} extra={t.form.techAmountHint}>
              <ComputedTechAmount tech={tech} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t.form.nonTechnicalCosts}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t.form.costsHint}
        </Typography.Paragraph>
        <Form.List name="nonTechnicalCosts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline" wrap>
                  <Form.Item name={[f.name, 'item']} label={t.form.costItem}>
                    <Input maxLength={100} style={{ width: 280 }} data-testid="registration-cost-item" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'amountFen']} label={t.form.amount}>
                    <Input inputMode="decimal" style={{ width: 160 }} data-testid="registration-cost-amount" />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t.form.remove} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }} data-testid="registration-add-cost">
                {t.form.addCost}
              </Button>
            </>
          )}
        </Form.List>
        {isTransfer ? (
          <Row gutter={16}>
            <Col span={24}>
              <Typography.Text type="secondary">{t.form.transferOnly}</Typography.Text>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="expectedInvestmentFen" label={t.form.expectedInvestment}>
                <Input inputMode="decimal" data-testid="registration-expected-investment" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="expectedOutputFen" label={t.form.expectedOutput}>
                <Input inputMode="decimal" data-testid="registration-expected-output" />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
      </Card>
    </Flex>
  );
}
