import { Card, Col, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { useCodeIndex, useRegionIndex } from '../../../shared/code-lists/code-lists.api';
import { fullName } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { IndustryTreeSelect } from '../../../shared/ui/IndustryTreeSelect';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { regionMessages } from '../messages';

/** Live demonstration of the two searchable pickers the forms use. */
export function CodeListPickers() {
  const lang = useLang();
  const t = useMessages(regionMessages).codeLists;
  const [region, setRegion] = useState<string | undefined>();
  const [industry, setIndustry] = useState<string | undefined>();
  const { data: regions } = useRegionIndex();
  const { data: industries } = useCodeIndex('industries');

  return (
    <Card title={t.pickers}>
      <Typography.Paragraph type="secondary">{t.pickersHint}</Typography.Paragraph>
      <Form layout="vertical">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t.regionPicker} htmlFor="demo-region">
              <RegionCascader id="demo-region" value={region} onChange={setRegion} data-testid="demo-region-cascader" />
            </Form.Item>
            <Typography.Text type="secondary" data-testid="demo-region-value">
              {t.selected}: {region ? `${region} ${fullName(regions, region, lang)}` : t.nothingSelected}
            </Typography.Text>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t.industryPicker} htmlFor="demo-industry">
              <IndustryTreeSelect id="demo-industry" value={industry} onChange={setIndustry} data-testid="demo-industry-select" />
            </Form.Item>
            <Typography.Text type="secondary" data-testid="demo-industry-value">
              {t.selected}: {industry ? fullName(industries, industry, lang, ' › ') : t.nothingSelected}
            </Typography.Text>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
