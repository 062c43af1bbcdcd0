import type { StatSide } from '#shared/contracts/statistics.contract';
import { useStatOverview, type StatSource } from './statistics.api';
import { defaultYear } from './statistics.options';

/**
 * The year to show and the years with data. Without a year in the URL, the overview of this year
 * at the top of the user's scope is asked first: it lists the years with data (and tells a regional
 * user's own region), and the page opens on the latest of them. Other queries wait for `ready`.
 */
export function useStatYear(source: StatSource, urlYear: number | undefined, side?: StatSide) {
  const thisYear = new Date().getFullYear();
  const probe = useStatOverview(source, { year: urlYear ?? thisYear, side });
  const years = probe.data?.years ?? [];
  const year = urlYear ?? defaultYear(years, thisYear);
  const ready = urlYear !== undefined || probe.data !== undefined || probe.isError;
  return {
    year,
    years,
    ready,
    /** The top of the caller's scope: null for the nation, else a regional user's own region. */
    root: probe.data?.region ?? null,
    rootName: probe.data?.regionName,
    probe,
  };
}
