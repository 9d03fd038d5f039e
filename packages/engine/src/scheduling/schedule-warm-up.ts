/**
 * Warming the scheduling core up, so that the first real run after load is as fast as the following ones (the
 * first drag in a Gantt chart should not be the slow one).
 */
import { scheduleCriticalPath } from "./critical-path";
import type { ScheduleInput } from "./schedule-input";
import { scheduleNetworkCreate } from "./schedule-network";

const WARM_UP_TASKS = 128;
const WARM_UP_RUNS = 120;
let warm = false;

/**
 * Runs the core on a small synthetic network (all four link types, lags and leads, ids not in topological order)
 * enough times for the JavaScript engine to compile its hot loops with optimisation, and reports how many runs it
 * made (0 when already warm). Deterministic and pure apart from that one-time effect on the runtime; costs a few
 * milliseconds once. Call it when the engine loads, before the first schedule that someone waits for.
 *
 * @example
 * scheduleWarmUp(); // 120
 * scheduleWarmUp(); // 0: already warm
 */
export function scheduleWarmUp(): number {
  if (warm) return 0;
  warm = true;
  const input = warmUpInput(WARM_UP_TASKS);
  const network = scheduleNetworkCreate(WARM_UP_TASKS, input.linkFrom.length);
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    const outcome = scheduleCriticalPath(input, network);
    if (!outcome.ok) throw new Error(`scheduleWarmUp: ${outcome.error.message}`);
  }
  return WARM_UP_RUNS;
}

/** A layered network of n tasks in which rank r has id (r · 7) mod n and links to ranks r + 1, r + 2 and r + 5. */
function warmUpInput(n: number): ScheduleInput {
  const from: number[] = [];
  const to: number[] = [];
  const types: number[] = [];
  const lags: number[] = [];
  const id = (rank: number) => (rank * 7) % n; // n is a power of two, so this is a permutation
  for (let r = 0; r < n; r++) {
    for (const step of [1, 2, 5]) {
      if (r + step >= n || (step > 1 && (r + step) % 3 === 0)) continue;
      from.push(id(r));
      to.push(id(r + step));
      types.push((r + step) % 4);
      lags.push(((r * 5 + step) % 7) - 3);
    }
  }
  const durations = new Int32Array(n);
  for (let r = 0; r < n; r++) durations[id(r)] = r % 9 === 0 ? 0 : (r * 13) % 11;
  return {
    durations,
    linkFrom: Int32Array.from(from),
    linkTo: Int32Array.from(to),
    linkTypes: Uint8Array.from(types),
    linkLags: Int32Array.from(lags),
  };
}
