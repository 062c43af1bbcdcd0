import { Tabs } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { OperatorAuctionsPanel } from '../../auctions/components/OperatorAuctionsPanel';
import { CalendarPanel } from '../../notices/components/CalendarPanel';
import { OperatorNoticesPanel } from '../../notices/components/OperatorNoticesPanel';
import { FeeSchedulePanel } from '../components/FeeSchedulePanel';
import { marketMessages } from '../messages';

/** /market/operator — the market operator's console: fees (this slice), auctions, notices and the working-day calendar (their slices' panels). */
export function OperatorConsolePage() {
  const t = useMessages(marketMessages);
  return (
    <>
      <PageHeader title={t.operator.title} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'auctions', label: t.operator.auctions, children: <OperatorAuctionsPanel /> },
          { key: 'notices', label: t.operator.notices, children: <OperatorNoticesPanel /> },
          { key: 'calendar', label: t.operator.calendar, children: <CalendarPanel /> },
          { key: 'fees', label: t.operator.fees, children: <FeeSchedulePanel /> },
        ]}
      />
    </>
  );
}
