import { Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { statisticsMessages } from '../messages';

/** Provenance of the province map, shown wherever the map is (web/public/maps/README.md). */
export function MapNote() {
  const t = useMessages(statisticsMessages);
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }} data-testid="map-note">
      {t.mapNote}
      <br />
      {t.mapNoteEn}
    </Typography.Paragraph>
  );
}
