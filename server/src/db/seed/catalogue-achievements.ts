import { ACHIEVEMENTS_ELECTRONICS_MANUFACTURING } from './catalogue-achievements-1';
import { ACHIEVEMENTS_AEROSPACE_TRANSPORT } from './catalogue-achievements-2';
import { ACHIEVEMENTS_AGRICULTURE_NUCLEAR } from './catalogue-achievements-3';
import { ACHIEVEMENTS_HEALTH_URBAN } from './catalogue-achievements-4';
import { ACHIEVEMENTS_MATERIALS } from './catalogue-achievements-5';
import { ACHIEVEMENTS_ENERGY } from './catalogue-achievements-6';
import { ACHIEVEMENTS_ENVIRONMENT } from './catalogue-achievements-7';
import { ACHIEVEMENTS_MORE } from './catalogue-achievements-8';
import type { AchievementSeed } from './catalogue-types';

/**
 * The demo catalogue's 科技成果, all 11 technology domains, owned by the demo universities,
 * institutes, hospital, enterprises and the individual inventor. Most are published; a few are
 * left stale (unconfirmed for over 12 months), as drafts, awaiting review or withdrawn, so every
 * lifecycle stage and quality hint can be seen in the UI.
 */
export const ACHIEVEMENT_SEEDS: readonly AchievementSeed[] = [
  ...ACHIEVEMENTS_ELECTRONICS_MANUFACTURING,
  ...ACHIEVEMENTS_AEROSPACE_TRANSPORT,
  ...ACHIEVEMENTS_AGRICULTURE_NUCLEAR,
  ...ACHIEVEMENTS_HEALTH_URBAN,
  ...ACHIEVEMENTS_MATERIALS,
  ...ACHIEVEMENTS_ENERGY,
  ...ACHIEVEMENTS_ENVIRONMENT,
  ...ACHIEVEMENTS_MORE,
];
