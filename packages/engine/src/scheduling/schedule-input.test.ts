import { describe, expect, it } from "vitest";
import { scheduleInputFromJson, scheduleInputFromSpecs } from "./schedule-input";

/** The error of decoding `document`, or a failure if it decodes. */
function errorOf(document: unknown) {
  const outcome = scheduleInputFromJson(document);
  if (outcome.ok) throw new Error("expected the document to be refused");
  return outcome.error;
}

const twoTasks = [
  { id: 0, duration: 1 },
  { id: 1, duration: 1 },
];

describe("scheduleInputFromJson", () => {
  it("decodes the README's interchange example into columns, tasks by id and links in document order", () => {
    const outcome = scheduleInputFromJson(
      JSON.parse(
        '{"tasks":[{"id":1,"duration":2},{"id":0,"duration":3}],' +
          '"links":[{"from":0,"to":1,"type":"FS","lag":2},{"from":1,"to":0,"type":"SF","lag":-1}]}',
      ),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Array.from(outcome.value.durations)).toEqual([3, 2]);
    expect(Array.from(outcome.value.linkFrom)).toEqual([0, 1]);
    expect(Array.from(outcome.value.linkTo)).toEqual([1, 0]);
    expect(Array.from(outcome.value.linkTypes)).toEqual([0, 3]);
    expect(Array.from(outcome.value.linkLags)).toEqual([2, -1]);
  });

  it("accepts an empty project", () => {
    const outcome = scheduleInputFromJson({ tasks: [], links: [] });
    expect(outcome.ok && outcome.value.durations.length).toBe(0);
  });

  it.each([
    ["a document that is not an object", [1, 2], "not-an-object", "$", "the document: must be an object with \"tasks\" and \"links\" arrays, got an array"],
    ["tasks that are not an array", { tasks: {}, links: [] }, "not-an-object", "tasks", "tasks: must be an array of tasks, got an object"],
    ["links missing", { tasks: [] }, "not-an-object", "links", "links: must be an array of links, got nothing"],
    ["a task that is not an object", { tasks: [7], links: [] }, "not-an-object", "tasks[0]", 'tasks[0]: must be an object {"id", "duration"}, got 7'],
    ["a task without id", { tasks: [{ duration: 1 }], links: [] }, "bad-id", "tasks[0].id", "tasks[0]: has no id (the 1 task ids must be 0..0, each exactly once)"],
    ["an id out of range", { tasks: [{ id: 0, duration: 1 }, { id: 5, duration: 1 }], links: [] }, "bad-id", "tasks[1].id", "tasks[1]: id 5 is not one of 0..1 (the 2 task ids must be 0..1, each exactly once)"],
    ["a fractional id", { tasks: [{ id: 0.5, duration: 1 }], links: [] }, "bad-id", "tasks[0].id", "tasks[0]: id 0.5 is not one of 0..0 (the 1 task ids must be 0..0, each exactly once)"],
    ["a duplicate id", { tasks: [{ id: 1, duration: 1 }, { id: 1, duration: 2 }], links: [] }, "duplicate-id", "tasks[1].id", "tasks[1]: duplicate id 1 (also tasks[0])"],
    ["a negative duration", { tasks: [{ id: 0, duration: -2 }], links: [] }, "negative-duration", "tasks[0].duration", "tasks[0] (id 0): duration -2 is negative (a whole number of days ≥ 0, 0 for a milestone)"],
    ["a fractional duration", { tasks: [{ id: 0, duration: 1.5 }], links: [] }, "non-integer-duration", "tasks[0].duration", "tasks[0] (id 0): duration 1.5 is not a whole number of days"],
    ["a duration given as text", { tasks: [{ id: 0, duration: "3" }], links: [] }, "non-integer-duration", "tasks[0].duration", 'tasks[0] (id 0): duration "3" is not a whole number of days'],
    ["a missing duration", { tasks: [{ id: 0 }], links: [] }, "non-integer-duration", "tasks[0].duration", "tasks[0] (id 0): has no duration"],
    ["a huge duration", { tasks: [{ id: 0, duration: 2 ** 31 }], links: [] }, "too-large", "tasks[0].duration", "tasks[0] (id 0): duration 2147483648 is larger than 1073741823 days"],
    ["a link that is not an object", { tasks: twoTasks, links: [null] }, "not-an-object", "links[0]", 'links[0]: must be an object {"from", "to", "type", "lag"}, got null'],
    ["an unknown task in a link", { tasks: twoTasks, links: [{ from: 0, to: 7, type: "FS", lag: 0 }] }, "unknown-task", "links[0].to", 'links[0]: "to" 7 is not a task id (task ids are 0..1)'],
    ["a link without from", { tasks: twoTasks, links: [{ to: 1, type: "FS", lag: 0 }] }, "unknown-task", "links[0].from", 'links[0]: has no "from" (task ids are 0..1)'],
    ["a link when there are no tasks", { tasks: [], links: [{ from: 0, to: 1, type: "FS", lag: 0 }] }, "unknown-task", "links[0].from", 'links[0]: "from" 0 is not a task id (there are no tasks)'],
    ["a self-link", { tasks: twoTasks, links: [{ from: 1, to: 1, type: "FS", lag: 0 }] }, "self-link", "links[0]", "links[0] (1 -> 1): task 1 links to itself"],
    ["an unknown link type", { tasks: twoTasks, links: [{ from: 0, to: 1, type: "XX", lag: 0 }] }, "unknown-link-type", "links[0].type", 'links[0] (0 -> 1): unknown link type "XX" (expected FS, SS, FF or SF)'],
    ["a lower-case link type", { tasks: twoTasks, links: [{ from: 0, to: 1, type: "fs", lag: 0 }] }, "unknown-link-type", "links[0].type", 'links[0] (0 -> 1): unknown link type "fs" (expected FS, SS, FF or SF)'],
    ["a fractional lag", { tasks: twoTasks, links: [{ from: 0, to: 1, type: "SS", lag: 0.5 }] }, "non-integer-lag", "links[0].lag", "links[0] (0 -> 1): lag 0.5 is not a whole number of days"],
    ["a missing lag", { tasks: twoTasks, links: [{ from: 0, to: 1, type: "SS" }] }, "non-integer-lag", "links[0].lag", "links[0] (0 -> 1): has no lag (a whole number of days, 0 for none)"],
    ["a huge lead", { tasks: twoTasks, links: [{ from: 0, to: 1, type: "SS", lag: -(2 ** 30) }] }, "too-large", "links[0].lag", "links[0] (0 -> 1): lag -1073741824 is beyond ±1073741823 days"],
    [
      "durations and lags that add up beyond the limit",
      { tasks: [{ id: 0, duration: 2 ** 29 }, { id: 1, duration: 2 ** 29 }], links: [] },
      "too-large",
      "tasks",
      "tasks and links: durations and |lags| add up to 1073741824 days, more than the 1073741823 the engine computes with",
    ],
  ])("refuses %s, saying what and where", (_, document, code, path, message) => {
    expect(errorOf(document)).toEqual({ kind: "invalid-input", code, path, message });
  });

  it("reports the first problem in document order", () => {
    const error = errorOf({ tasks: [{ id: 0, duration: 1 }, { id: 1, duration: -1 }], links: [{ from: 0, to: 0, type: "FS", lag: 0 }] });
    expect(error.path).toBe("tasks[1].duration");
  });
});

describe("scheduleInputFromSpecs", () => {
  it("decodes typed specs the same way, tasks in any order", () => {
    const outcome = scheduleInputFromSpecs(
      [
        { id: 1, duration: 2 },
        { id: 0, duration: 3 },
      ],
      [{ from: 0, to: 1, type: "SS", lag: 1 }],
    );
    expect(outcome.ok && Array.from(outcome.value.durations)).toEqual([3, 2]);
    expect(outcome.ok && Array.from(outcome.value.linkTypes)).toEqual([1]);
  });

  it("still checks values at run time", () => {
    const outcome = scheduleInputFromSpecs([{ id: 0, duration: 1 }], [{ from: 0, to: 3, type: "FS", lag: 0 }]);
    expect(outcome.ok || outcome.error.code).toBe("unknown-task");
  });
});
