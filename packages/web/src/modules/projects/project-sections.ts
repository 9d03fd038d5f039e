import type { TProjectStage } from "@jiaofu/contracts";

/**
 * The areas of a project page, in the order of the delivery life cycle. Overview and Collaboration work today; the
 * stage areas fill in release by release.
 */
export const PROJECT_SECTIONS = [
  "overview",
  "requirements",
  "elicitation",
  "planning",
  "execution",
  "monitoring",
  "delivery",
  "support",
  "collaboration",
] as const;
export type TProjectSection = (typeof PROJECT_SECTIONS)[number];

/**
 * Areas that belong to a stage rather than being one: shown under their stage in the navigation, and active on
 * their sub-pages too (`/projects/:id/elicitation/sessions/:sessionId`).
 */
export const SUB_SECTIONS = { elicitation: "requirements" } as const satisfies Partial<Record<TProjectSection, TProjectSection>>;

export function isSubSection(value: TProjectSection): value is keyof typeof SUB_SECTIONS {
  return value in SUB_SECTIONS;
}

/** Sections with pages of their own below them (`/projects/:id/requirements/:requirementId`): active there too. */
export function sectionHasSubPages(value: TProjectSection): boolean {
  return isSubSection(value) || value === "requirements" || value === "planning" || value === "execution" || value === "monitoring";
}

/** Sections whose features have not shipped yet: they show an honest "coming" state, never sample data. */
export const UPCOMING_SECTIONS = ["delivery", "support"] as const;
export type TUpcomingSection = (typeof UPCOMING_SECTIONS)[number];

export function isProjectSection(value: string | undefined): value is TProjectSection {
  return value !== undefined && (PROJECT_SECTIONS as readonly string[]).includes(value);
}

export function isUpcomingSection(value: TProjectSection): value is TUpcomingSection {
  return (UPCOMING_SECTIONS as readonly string[]).includes(value);
}

/** The section that corresponds to the project's current stage (none once closed). */
export function sectionOfStage(stage: TProjectStage): TProjectSection | null {
  return stage === "closed" ? null : stage;
}

export function sectionPath(projectId: string, section: TProjectSection): string {
  return section === "overview" ? `/projects/${projectId}` : `/projects/${projectId}/${section}`;
}
