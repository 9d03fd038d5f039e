import { useTranslation } from "react-i18next";
import type { TRequirementDetail } from "@jiaofu/contracts";
import { MoscowBadge, RequirementTypeLabel, TagList } from "./requirement-badges";

export type RequirementSummaryProps = {
  requirement: TRequirementDetail;
  /** Client contacts do not see who owns it on the team side, nor its tags. */
  audience?: "team" | "client";
};

/** What a requirement says, read-only: its description, acceptance criteria and priorities. */
export function RequirementSummary({ requirement, audience = "team" }: RequirementSummaryProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <dl className="details">
        <div>
          <dt>{t("requirements.fields.type")}</dt>
          <dd>
            <RequirementTypeLabel type={requirement.type} />
          </dd>
        </div>
        <div>
          <dt>{t("requirements.fields.moscow")}</dt>
          <dd>
            <MoscowBadge moscow={requirement.moscow} />
          </dd>
        </div>
        <div>
          <dt>{t("requirements.fields.clientPriority")}</dt>
          <dd>{requirement.clientPriority === null ? <span className="muted">{t("requirements.clientPriorityNone")}</span> : t("requirements.clientPriorityOf", { value: requirement.clientPriority })}</dd>
        </div>
        {audience === "team" ? (
          <>
            <div>
              <dt>{t("requirements.fields.owner")}</dt>
              <dd>{requirement.ownerName ?? <span className="muted">{t("requirements.noOwner")}</span>}</dd>
            </div>
            <div>
              <dt>{t("requirements.fields.tags")}</dt>
              <dd>
                <TagList tags={requirement.tags} />
              </dd>
            </div>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="requirement-description">
        <h3 className="subheading" id="requirement-description">
          {t("requirements.fields.description")}
        </h3>
        {requirement.description.trim() ? (
          // descriptionHtml is rendered from Markdown and sanitised on the server (see ZRequirementDetail).
          <div className="prose" dangerouslySetInnerHTML={{ __html: requirement.descriptionHtml }} />
        ) : (
          <p className="muted">{t("requirements.noDescription")}</p>
        )}
      </section>
      <section aria-labelledby="requirement-criteria">
        <h3 className="subheading" id="requirement-criteria">
          {t("requirements.fields.acceptanceCriteria")}
        </h3>
        {requirement.acceptanceCriteria.length > 0 ? (
          <ol className="criteria-read">
            {requirement.acceptanceCriteria.map((c) => (
              <li key={c.id} className="pre-wrap">
                {c.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("requirements.noCriteria")}</p>
        )}
      </section>
    </div>
  );
}
