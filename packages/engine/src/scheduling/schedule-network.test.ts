import { describe, expect, it } from "vitest";
import { LINK_TYPE_CODES } from "./link-type";
import type { ScheduleInput } from "./schedule-input";
import { scheduleNetworkCreate, scheduleNetworkLoad } from "./schedule-network";

/** Two tasks (3 and 5 days) and one link 0 → 1 of the given type and lag. */
function pair(type: number, lag: number): ScheduleInput {
  return {
    durations: Int32Array.of(3, 5),
    linkFrom: Int32Array.of(0),
    linkTo: Int32Array.of(1),
    linkTypes: Uint8Array.of(type),
    linkLags: Int32Array.of(lag),
  };
}

describe("scheduleNetworkLoad", () => {
  it.each([
    ["FS+2: ES(s) ≥ EF(p) + 2 = ES(p) + 5", LINK_TYPE_CODES.FS, 2, 5],
    ["SS+1: ES(s) ≥ ES(p) + 1", LINK_TYPE_CODES.SS, 1, 1],
    ["FF+1: EF(s) ≥ EF(p) + 1 ⇔ ES(s) ≥ ES(p) − 1", LINK_TYPE_CODES.FF, 1, -1],
    ["SF+3: EF(s) ≥ ES(p) + 3 ⇔ ES(s) ≥ ES(p) − 2", LINK_TYPE_CODES.SF, 3, -2],
  ])("turns %s into one offset between starts", (_, type, lag, offset) => {
    const network = scheduleNetworkCreate();
    expect(scheduleNetworkLoad(network, pair(type, lag))).toBeUndefined();
    expect(network.adjOffset[0]).toBe(offset);
  });

  it("builds the CSR adjacency: each task's links in one run, in input order, with in-degrees", () => {
    const network = scheduleNetworkCreate();
    const input: ScheduleInput = {
      durations: Int32Array.of(1, 1, 1, 1),
      linkFrom: Int32Array.of(2, 0, 2, 1, 0),
      linkTo: Int32Array.of(3, 1, 1, 3, 3),
      linkTypes: new Uint8Array(5),
      linkLags: Int32Array.of(0, 1, 2, 3, 4),
    };
    expect(scheduleNetworkLoad(network, input)).toBeUndefined();
    expect(Array.from(network.outStart.subarray(0, 5))).toEqual([0, 2, 3, 5, 5]);
    expect(Array.from(network.adjTo.subarray(0, 5))).toEqual([1, 3, 3, 3, 1]);
    expect(Array.from(network.adjOffset.subarray(0, 5))).toEqual([1 + 1, 4 + 1, 3 + 1, 0 + 1, 2 + 1]);
    expect(Array.from(network.inDegree.subarray(0, 4))).toEqual([0, 2, 0, 3]);
  });

  it("keeps its buffers when the next input fits, and grows them when it does not", () => {
    const network = scheduleNetworkCreate(10, 10);
    const buffer = network.earlyStart.buffer;
    scheduleNetworkLoad(network, pair(0, 0));
    expect(network.earlyStart.buffer).toBe(buffer);
    expect(network.views.earlyStart.length).toBe(2);
    const big: ScheduleInput = {
      durations: new Int32Array(20),
      linkFrom: new Int32Array(0),
      linkTo: new Int32Array(0),
      linkTypes: new Uint8Array(0),
      linkLags: new Int32Array(0),
    };
    scheduleNetworkLoad(network, big);
    expect(network.earlyStart.length).toBeGreaterThanOrEqual(20);
    expect(network.views.earlyStart.length).toBe(20);
  });

  it("holds no tasks after a refused load, even when it held some before", () => {
    const network = scheduleNetworkCreate();
    expect(scheduleNetworkLoad(network, pair(0, 0))).toBeUndefined();
    expect(network.views.earlyStart.length).toBe(2);
    expect(scheduleNetworkLoad(network, { ...pair(0, 0), linkTo: Int32Array.of(0) })?.code).toBe("self-link");
    expect([network.taskCount, network.linkCount, network.views.earlyStart.length]).toEqual([0, 0, 0]);
  });

  it.each([
    ["a link to a task that does not exist", { linkTo: Int32Array.of(2) }, "unknown-task", 'links[0]: "to" 2 is not a task id (task ids are 0..1)'],
    ["a link from a negative id", { linkFrom: Int32Array.of(-1) }, "unknown-task", 'links[0]: "from" -1 is not a task id (task ids are 0..1)'],
    ["a self-link", { linkTo: Int32Array.of(0) }, "self-link", "links[0] (0 -> 0): task 0 links to itself"],
    ["a type code above 3", { linkTypes: Uint8Array.of(4) }, "unknown-link-type", "links[0]: unknown link type code 4 (0 FS, 1 SS, 2 FF, 3 SF)"],
    ["a negative duration", { durations: Int32Array.of(3, -5) }, "negative-duration", "task 1: duration -5 is negative"],
    ["link columns of different lengths", { linkLags: Int32Array.of(0, 0) }, "not-an-object", "links: link columns differ in length (1, 1, 1, 2)"],
    [
      "values beyond SCHEDULE_MAX_DAYS in total",
      { durations: Int32Array.of(2 ** 30 - 10, 5), linkLags: Int32Array.of(-6) },
      "too-large",
      "tasks and links: durations and |lags| add up to 1073741825 days, more than the 1073741823 the engine computes with",
    ],
  ])("refuses %s", (_, change, code, message) => {
    const network = scheduleNetworkCreate();
    const error = scheduleNetworkLoad(network, { ...pair(0, 0), ...change });
    expect(error?.code).toBe(code);
    expect(error?.message).toBe(message);
    expect(network.taskCount).toBe(0);
  });
});
