import { z } from 'zod';
import { MatchAchievementsRequestSchema } from './search.contract';

/** In-app notifications and saved searches (issue 3: owners hear about new matches). */
export const notificationsErrors = {
  'notification/not_found': 404,
  'saved_search/not_found': 404,
  /** Too many saved searches for one user. */
  'saved_search/limit_reached': 409,
} as const;

export const MAX_SAVED_SEARCHES = 50;

/**
 * What a notification is about: catalogue matches (issue 3) and market events (issue 4) addressed to
 * an organisation's members. `data.link` is the page to open.
 */
export const NOTIFICATION_KINDS = ['saved_search_match', 'demand_match', 'offer_received', 'offer_answered', 'auction_result', 'tender_outcome', 'objection_filed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), total: z.number().int(), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

/** A saved search: the same text and filters as the search page. */
export const CreateSavedSearchSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  query: z.string().trim().min(1).max(500),
  /** The same JSON filters as `POST /matching/achievements`. */
  filters: MatchAchievementsRequestSchema.shape.filters.unwrap().default({}),
});
export type CreateSavedSearch = z.infer<typeof CreateSavedSearchSchema>;

export const SavedSearchSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  filters: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;
