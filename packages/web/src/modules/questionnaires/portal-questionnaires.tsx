import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { Badge, Card } from "../../ui";
import { formatDateTime } from "../../lib/format";
import { useQuestionnaireList } from "./questionnaires.queries";
import "./questionnaires.css";

/**
 * On a client contact's project page: the questionnaires the team asked them to answer that are open now. Nothing
 * is shown while there are none.
 */
export function PortalQuestionnaires({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const list = useQuestionnaireList(projectId, { status: "open" });
  const items = (list.data?.pages.flatMap((page) => page.items) ?? []).filter((item) => item.acceptingResponses);
  if (items.length === 0) return null;
  const open = items.filter((item) => !item.answeredByMe).length;

  return (
    <Card title={t("questionnaires.portal.title")} titleLevel={2} className="portal-questionnaires">
      <p className="subtle portal-questionnaires-intro">
        {open > 0 ? t("questionnaires.portal.intro", { count: open }) : t("questionnaires.portal.allDone")}
      </p>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.id} data-testid="portal-questionnaire" data-title={item.title}>
            <span className="person-text">
              <Link to={`/portal/projects/${projectId}/questionnaires/${item.id}`} className="strong-link">
                {item.title}
              </Link>
              <span className="subtle">
                {t("questionnaires.answer.questionCount", { count: item.questionCount })}
                {item.closesAt ? ` · ${t("questionnaires.answer.closesAt", { date: formatDateTime(item.closesAt, i18n.language) })}` : ""}
              </span>
            </span>
            {item.answeredByMe ? (
              <Badge tone="green">{t("questionnaires.portal.answered")}</Badge>
            ) : (
              <Link to={`/portal/projects/${projectId}/questionnaires/${item.id}`} className="btn btn-primary btn-sm">
                {t("questionnaires.portal.answer")}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
