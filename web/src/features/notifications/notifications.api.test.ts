import { describe, expect, it } from 'vitest';
import { notificationLink } from './notifications.api';

describe('notificationLink', () => {
  it('opens the market page of a market event and the listing of a catalogue match', () => {
    expect(notificationLink({ data: { link: '/market/deals/abc' } })).toBe('/market/deals/abc');
    expect(notificationLink({ data: { achievementId: 'x1' } })).toBe('/achievements/x1');
  });

  it('never follows a link off the site', () => {
    expect(notificationLink({ data: { link: '//evil.example/x' } })).toBeNull();
    expect(notificationLink({ data: { link: 'https://evil.example/x' } })).toBeNull();
    expect(notificationLink({ data: { link: '/\\evil.example/x' } })).toBeNull();
    expect(notificationLink({ data: {} })).toBeNull();
  });
});
