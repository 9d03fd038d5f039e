import type { TQuestionnaire, TQuestionnaireForm, TQuestionnaireSummary } from "@jiaofu/contracts";
import { renderMarkdown } from "../../platform/markdown";
import { presentPublicLink } from "./public-link";
import type { QuestionnaireListRow, QuestionnaireRow } from "./questionnaires.repository";

/** Open, and `now` within opensAt..closesAt (closesAt exclusive). */
export function questionnaireAccepting(row: Pick<QuestionnaireRow, "status" | "opensAt" | "closesAt">, now: Date): boolean {
  return row.status === "open" && (!row.opensAt || row.opensAt <= now) && (!row.closesAt || now < row.closesAt);
}

const questionCount = (row: QuestionnaireRow) => row.definition.sections.reduce((n, s) => n + s.questions.length, 0);

/** What the viewer may see beyond the basics: contacts get no counts; only managers get the public link. */
export type QuestionnaireViewer = { isContact: boolean; canManage: boolean; publicUrl: string | undefined; now: Date };

export function presentQuestionnaireSummary(row: QuestionnaireListRow, viewer: QuestionnaireViewer): TQuestionnaireSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    title: row.title,
    status: row.status,
    audience: { portal: row.audiencePortal, public: row.audiencePublic },
    anonymous: row.anonymous,
    onePerRespondent: row.onePerRespondent,
    opensAt: row.opensAt?.toISOString() ?? null,
    closesAt: row.closesAt?.toISOString() ?? null,
    acceptingResponses: questionnaireAccepting(row, viewer.now),
    questionCount: questionCount(row),
    responseCount: viewer.isContact ? null : row.responseCount,
    answeredByMe: viewer.isContact ? row.answeredByMe : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function presentQuestionnaire(row: QuestionnaireListRow, viewer: QuestionnaireViewer): TQuestionnaire {
  return {
    ...presentQuestionnaireSummary(row, viewer),
    intro: row.intro,
    introHtml: renderMarkdown(row.intro),
    definition: row.definition,
    publicLink: viewer.canManage && row.audiencePublic && row.publicToken ? presentPublicLink(row.publicToken, viewer.publicUrl) : null,
  };
}

export function presentForm(row: QuestionnaireRow, answeredByMe: boolean | null): TQuestionnaireForm {
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    introHtml: renderMarkdown(row.intro),
    definition: row.definition,
    anonymous: row.anonymous,
    onePerRespondent: row.onePerRespondent,
    closesAt: row.closesAt?.toISOString() ?? null,
    answeredByMe,
  };
}
