import { useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import type { TProject } from "@jiaofu/contracts";
import { Tabs, type TabItem } from "../../ui";
import { useSignedInMe } from "../auth/session";
import { QuestionnairesList } from "../questionnaires/questionnaires-list";
import { canRunElicitation } from "./elicitation-permissions";
import { SessionsList } from "./sessions-list";
import "./elicitation.css";

type ElicitationTab = "sessions" | "questionnaires";

export type ElicitationAreaProps = { project: TProject };

/** The project's elicitation: sessions with the client (interviews, focus groups, workshops) and questionnaires. */
export function ElicitationArea({ project }: ElicitationAreaProps) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const tab: ElicitationTab = params.get("tab") === "questionnaires" ? "questionnaires" : "sessions";
  const canWork = canRunElicitation(me, project);
  const items: TabItem<ElicitationTab>[] = [
    { id: "sessions", label: t("elicitation.tabs.sessions") },
    { id: "questionnaires", label: t("elicitation.tabs.questionnaires") },
  ];

  return (
    <div className="stack elicitation-area">
      <div className="section-heading">
        <div>
          <h2 className="section-title">{t("elicitation.title")}</h2>
          <p className="subtle">{t("elicitation.intro")}</p>
        </div>
      </div>
      <Tabs items={items} value={tab} onChange={(next) => setParams(next === "sessions" ? {} : { tab: next }, { replace: true })} label={t("elicitation.tabs.label")}>
        {tab === "sessions" ? <SessionsList project={project} canWork={canWork} /> : <QuestionnairesList project={project} canWork={canWork} />}
      </Tabs>
    </div>
  );
}
