import type { TDefectSeverity } from "@jiaofu/contracts";
import type { BadgeTone } from "../../ui";

/** The defect trend as the API answers it. */
export type TDefectTrend = { weeks: { weekStart: string; opened: number; closed: number; open: number }[]; openBySeverity: Record<TDefectSeverity, number> };

export const SEVERITY_TONE: Record<TDefectSeverity, BadgeTone> = { critical: "red", major: "amber", minor: "blue", trivial: "gray" };
export const STATUS_TONE = { open: "red", in_progress: "amber", resolved: "teal", closed: "green", rejected: "gray" } as const satisfies Record<string, BadgeTone>;
export const RUN_TONE = { not_run: "gray", passed: "green", failed: "red", blocked: "amber" } as const satisfies Record<string, BadgeTone>;
export const GATE_TONE = { open: "amber", passed: "green", waived: "violet" } as const satisfies Record<string, BadgeTone>;
