import type { TransferMode } from '#shared/contracts/achievements.contract';
import type { Role } from '#shared/contracts/auth.contract';
import type { ContactPolicy } from '#shared/contracts/experts.contract';
import type { OrganisationType } from '#shared/contracts/organisations.contract';

/** Technology-domain codes of the code list 'technology-domains' (TD01 电子信息 … TD11 城市建设与社会发展). */
export type DomainCode = 'TD01' | 'TD02' | 'TD03' | 'TD04' | 'TD05' | 'TD06' | 'TD07' | 'TD08' | 'TD09' | 'TD10' | 'TD11';

/**
 * Intellectual property in short form: `[code, title]`. Code = kind letter(s) + year:
 * `I` 发明专利 (granted), `U` 实用新型 (granted), `D` 外观设计 (granted), `A` 发明专利申请 (pending),
 * `X` 发明专利 (expired), `SW` 软件著作权, `PV` 植物新品种权, `KH` 技术秘密 (know-how, no year).
 * Numbers are generated deterministically in the CNIPA formats (see catalogue-ip.ts).
 */
export type IpSpec = [code: string, title: string];

/**
 * Price in 万元 (10,000 yuan; converted to fen on seeding): `'n'` negotiable with no range,
 * `['n', min, max]` negotiable with an indicative range, `['r', min, max]` a range, `['f', x]` fixed.
 */
export type PriceSpec = 'n' | ['n', number, number] | ['r', number, number] | ['f', number];

/** Where the seed leaves a listing: published (default), stale (published, last confirmed > 12 months ago), or earlier/later in its lifecycle. */
export type AchievementTarget = 'published' | 'stale' | 'draft' | 'submitted' | 'withdrawn';

export type AchievementSeed = {
  /** External id suffix: `demo-<id>`. */
  id: string;
  org: string;
  /** E-mail local part of the creator (a member of `org`); the first team member with an account by default. */
  by: string;
  domain: DomainCode;
  title: string;
  /** 150–400 characters with concrete figures. */
  abstract: string;
  keywords: string[];
  industries: string[];
  discipline: string;
  trl: number;
  trlEvidence: string;
  comparison: string;
  applications: string;
  ip: IpSpec[];
  modes: TransferMode[];
  price: PriceSpec;
  /** Team: e-mail local parts of demo accounts (linked by user id) or plain names. */
  team: string[];
  funding?: [programme: string, projectNumber: string];
  awards?: string[];
  open?: boolean;
  /** NDA-gated detail. */
  detail?: string;
  status?: AchievementTarget;
  /** Days since the last confirmation, for `stale` (default 420). */
  staleDays?: number;
  dualUse?: boolean;
};

export type DemandTarget = 'published' | 'draft' | 'closed' | 'withdrawn';

export type DemandSeed = {
  id: string;
  org: string;
  /** E-mail local part of the member who posts it. */
  by: string;
  domain: DomainCode;
  title: string;
  description: string;
  keywords: string[];
  industries: string[];
  /** Budget in 万元. */
  budget: [number, number];
  trlNeeded: number;
  /** Deadline, in days after the seeding day. */
  days: number;
  modes: TransferMode[];
  status?: DemandTarget;
  /** Achievement ids (without `demo-`) this demand was written to match (documentation and tests). */
  matches?: string[];
};

export type CatalogueOrg = {
  key: string;
  name: string;
  type: OrganisationType;
  creditPrefix: string;
  regionCode: string;
  description: string;
};

export type CatalogueUser = {
  /** E-mail local part (domain: DEMO_DOMAIN). */
  local: string;
  displayName: string;
  regionCode: string;
  roles: { role: Role; orgKey?: string }[];
  orgs: { key: string; role: 'owner' | 'admin' | 'member' }[];
  /** `demo`: the published demo password (a contact to sign in as); `none`: an unusable random password (directory entry only). */
  login: 'demo' | 'none';
};

export type ExpertSeed = {
  local: string;
  title: string;
  bio: string;
  domains: DomainCode[];
  discipline: string;
  keywords: string[];
  regionCode: string;
  contact: ContactPolicy;
};

/** Funnel activity on one listing, performed through the service by the named accounts. */
export type FunnelSeed = {
  achievement: string;
  /** Signed-in visitors (e-mail local parts) who open the listing. */
  viewers: string[];
  /** Anonymous page views. */
  anonymousViews: number;
  /** Access requests to the NDA-gated detail: the owner grants those marked `grant`, then the requester reads it. */
  access: { by: string; message: string; grant: boolean }[];
  enquiries: { by: string; message: string }[];
};
