import { Flex, Spin } from 'antd';
import { useMessages } from '../i18n/messages';
import { uiMessages } from './messages';

/** A centred spinner for a page or card whose data is on its way. */
export function LoadingBlock({ minHeight = 200 }: { minHeight?: number }) {
  const t = useMessages(uiMessages);
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite">
      <Spin description={t.loading} />
    </Flex>
  );
}
