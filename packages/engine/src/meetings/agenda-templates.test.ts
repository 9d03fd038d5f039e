import { describe, expect, it } from "vitest";
import { meetingAgendaTemplate } from "./agenda-templates";
import { MEETING_KINDS, meetingKey, meetingSharedByDefault } from "./meeting-kinds";

describe("meeting agendas and kinds", () => {
  it("has an agenda of markdown sections for every kind in both languages, with the same number of sections", () => {
    for (const kind of MEETING_KINDS) {
      const en = meetingAgendaTemplate(kind, "en");
      const zh = meetingAgendaTemplate(kind, "zh-CN");
      expect(en).toMatch(/^## /);
      expect(zh).toMatch(/^## /);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en.match(/^## /gm)?.length).toBe(zh.match(/^## /gm)?.length);
    }
    expect(meetingAgendaTemplate("kickoff", "en")).toContain("Goals and success criteria");
    expect(meetingAgendaTemplate("weekly_status", "zh-CN")).toContain("上周行动项回顾");
  });

  it("keys meetings MTG-n and shares only client reviews by default", () => {
    expect(meetingKey(12)).toBe("MTG-12");
    expect(MEETING_KINDS.filter(meetingSharedByDefault)).toEqual(["client_review"]);
  });
});
