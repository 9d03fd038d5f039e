/**
 * Mainland China's public holidays and make-up working days (调休) as a holiday set, from the State Council's
 * yearly arrangements (data: china-holidays.data.ts, generated from the npm package `chinese-days` by
 * `node scripts/refresh-china-holidays.mjs`; coverage in `CHINA_HOLIDAYS_SOURCE`).
 */
import {
  CHINA_HOLIDAY_FESTIVALS,
  CHINA_HOLIDAY_PERIODS,
  CHINA_HOLIDAYS_SOURCE,
  type ChinaHolidayFestival,
  type ChinaHolidayPeriod,
} from "./china-holidays.data";
import type { HolidaySet, HolidaySetEntry } from "./holiday-set";

export { CHINA_HOLIDAY_FESTIVALS, CHINA_HOLIDAY_PERIODS, CHINA_HOLIDAYS_SOURCE, type ChinaHolidayFestival, type ChinaHolidayPeriod };

/** The id of the built-in China set in `CalendarSpec.holidaySets`. */
export const HOLIDAY_SET_CHINA_ID = "cn";

function buildChinaSet(): HolidaySet {
  const entries: HolidaySetEntry[] = [];
  for (const period of CHINA_HOLIDAY_PERIODS) {
    const name = CHINA_HOLIDAY_FESTIVALS[period.festival];
    for (const [from, to] of period.off) entries.push({ from, to, kind: "off", name });
    for (const date of period.working) entries.push({ from: date, kind: "working", name });
  }
  return {
    id: HOLIDAY_SET_CHINA_ID,
    name: { zh: "中国大陆法定节假日（含调休）", en: "Mainland China public holidays (with make-up working days)" },
    entries,
    coverage: { fromYear: CHINA_HOLIDAYS_SOURCE.fromYear, toYear: CHINA_HOLIDAYS_SOURCE.toYear },
  };
}

/**
 * The China set: every festival's days off and its make-up working days, for every year of
 * `CHINA_HOLIDAYS_SOURCE` (2004–2026 with chinese-days 1.5.7).
 *
 * @example
 * const calendar = calendarCompile({ holidaySets: [HOLIDAY_SET_CHINA_ID] }); // the library adds this set
 * // 2024-10-01..07 off (国庆节); Sunday 2024-09-29 and Saturday 2024-10-12 are working days
 */
export const HOLIDAY_SET_CHINA: HolidaySet = /* @__PURE__ */ buildChinaSet();

/**
 * The arrangements of one year, in date order.
 *
 * @example
 * chinaHolidayPeriods(2025).map((p) => p.festival);
 * // ["new-year", "spring-festival", "qingming", "labour-day", "dragon-boat", "national-day", "mid-autumn"]
 */
export function chinaHolidayPeriods(year: number): readonly ChinaHolidayPeriod[] {
  return CHINA_HOLIDAY_PERIODS.filter((p) => p.year === year);
}
