import { DEMANDS_BATTERY_CHEM_FOOD_AUTO } from './catalogue-demands-1';
import { DEMANDS_WATER_AERO_PHARMA_EQUIPMENT } from './catalogue-demands-2';
import type { DemandSeed } from './catalogue-types';

/**
 * The demo catalogue's 技术需求, posted by the demo enterprises' contacts. Each names in `matches`
 * the seeded achievements it was written to match; most are published, one is a draft, one closed
 * and one withdrawn.
 */
export const DEMAND_SEEDS: readonly DemandSeed[] = [...DEMANDS_BATTERY_CHEM_FOOD_AUTO, ...DEMANDS_WATER_AERO_PHARMA_EQUIPMENT];
