import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import type { TRequirementSource } from "@jiaofu/contracts";
import { formatDay } from "../../lib/format";
import { questionnaireResultsPath, sessionPath } from "../elicitation/elicitation-paths";

export type RequirementSourcesProps = { projectId: string; sources: readonly TRequirementSource[] };

/** "Where did this come from?": the passages of session notes, questionnaire answers, contacts and documents behind it. */
export function RequirementSources({ projectId, sources }: RequirementSourcesProps) {
  const { t } = useTranslation();
  if (sources.length === 0) {
    return (
      <div className="side-empty">
        <p className="side-empty-title">{t("requirements.sources.emptyTitle")}</p>
        <p className="subtle">{t("requirements.sources.emptyBody")}</p>
      </div>
    );
  }
  return (
    <ul className="source-list">
      {sources.map((source) => (
        <SourceItem key={source.id} projectId={projectId} source={source} />
      ))}
    </ul>
  );
}

function SourceItem({ projectId, source }: { projectId: string; source: TRequirementSource }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="source-item" data-testid="requirement-source" data-kind={source.kind}>
      <div className="source-head">
        <span className="source-kind">{t(`requirements.sources.kind.${source.kind}`)}</span>
        <span className="subtle">{formatDay(source.createdAt, i18n.language)}</span>
      </div>
      {source.kind === "contact" && source.contactName ? <p>{t("requirements.sources.fromContact", { name: source.contactName })}</p> : null}
      {source.kind === "document" && source.label ? <p className="strong-link">{source.label}</p> : null}
      {source.excerpt ? <blockquote className="source-excerpt pre-wrap">{source.excerpt}</blockquote> : null}
      {source.kind === "session_passage" && source.sessionId ? (
        <Link to={`${sessionPath(projectId, source.sessionId)}${source.passageId ? `#passage-${source.passageId}` : ""}`}>{t("requirements.sources.openSession")}</Link>
      ) : null}
      {source.kind === "questionnaire_answer" && source.questionnaireId ? (
        <Link to={questionnaireResultsPath(projectId, source.questionnaireId)}>{t("requirements.sources.openQuestionnaire")}</Link>
      ) : null}
    </li>
  );
}
