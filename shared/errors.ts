import { achievementErrors } from './contracts/achievements.contract';
import { auditErrors } from './contracts/audit.contract';
import { authErrors } from './contracts/auth.contract';
import { commonErrors } from './contracts/common.contract';
import { demandErrors } from './contracts/demands.contract';
import { expertErrors } from './contracts/experts.contract';
import { importErrors } from './contracts/imports.contract';
import { organisationErrors } from './contracts/organisations.contract';
import { platformErrors } from './contracts/platform.contract';
import { regionErrors } from './contracts/regions.contract';
import { notificationsErrors } from './contracts/notifications.contract';
import { searchErrors } from './contracts/search.contract';
import { marketErrors } from './contracts/market.contract';
import { noticeErrors } from './contracts/notices.contract';
import { auctionErrors } from './contracts/auctions.contract';
import { tenderErrors } from './contracts/tenders.contract';
import { registrationErrors } from './contracts/registrations.contract';
import { statisticsErrors } from './contracts/statistics.contract';

/** Every error code the API can return, with its HTTP status. One line per module. */
export const errorStatus = {
  ...commonErrors,
  ...authErrors,
  ...organisationErrors,
  ...regionErrors,
  ...auditErrors,
  ...platformErrors,
  ...achievementErrors,
  ...demandErrors,
  ...expertErrors,
  ...importErrors,
  ...searchErrors,
  ...notificationsErrors,
  ...marketErrors,
  ...noticeErrors,
  ...auctionErrors,
  ...tenderErrors,
  ...registrationErrors,
  ...statisticsErrors,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorStatus, code);
}
