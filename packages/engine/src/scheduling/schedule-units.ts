/**
 * Units of the scheduling core. Plain numbers at run time; the brands keep a duration, a day on the time axis and
 * a task id from being mixed up in signatures.
 */

/**
 * A length of time in whole working days: a task duration (≥ 0; 0 is a milestone) or a link lag (negative for a
 * lead).
 *
 * @example
 * // FS+2: the successor starts 2 working days after the predecessor finishes
 * const lag = 2 as WorkDays;
 */
export type WorkDays = number & { readonly __brand: "WorkDays" };

/**
 * A day on the project's time axis: day 0 is the project start and every day is a working day (calendars map day
 * numbers to dates later). A finish is an exclusive bound.
 *
 * @example
 * // ES = 0 and d = 3 work days 0, 1 and 2, so EF = 3
 * const earlyFinish = (0 + 3) as DayNumber;
 */
export type DayNumber = number & { readonly __brand: "DayNumber" };

/**
 * The id of a task in a schedule network: an integer in 0..N-1, which is also its index in every per-task array
 * of the engine (durations, early start, …).
 *
 * @example
 * const first = 0 as TaskIndex; // durations[first] is the first task's duration
 */
export type TaskIndex = number & { readonly __brand: "TaskIndex" };

/**
 * The largest magnitude the core computes with: every duration, every |lag|, and their total over the whole
 * network must stay at or below it (2^30 − 1 days, about 2.9 million years), so that every day number and every
 * intermediate sum fits a 32-bit integer and the hot loops can run on Int32Array.
 *
 * @example
 * // durations 2^29 and 2^29, no lags: total 2^30 > SCHEDULE_MAX_DAYS, refused with code "too-large"
 */
export const SCHEDULE_MAX_DAYS = 0x3fff_ffff;
