import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { jsonEqual } from "@jiaofu/engine";
import type { TChangeRequestContent, TChangeRequestItem, TRequirementVersion } from "@jiaofu/contracts";
import { EmptyState, MarkdownText } from "../../ui";
import { MoscowBadge, RequirementStatusBadge, RequirementTypeLabel } from "../requirements/requirement-badges";
import { FieldChangeList } from "../requirements/requirement-history";
import { ItemActionBadge } from "./change-request-badges";

type FieldChange = TRequirementVersion["changes"][number];

/** The content fields in the order a reader takes them in. */
const CONTENT_FIELDS = ["title", "type", "moscow", "description", "acceptanceCriteria"] as const;

/**
 * What a modify item changes, as the requirement history words changes (word by word for text, line by line for the
 * description, criteria matched by id).
 *
 * `contentChanges({ …, title: "A" }, { …, title: "B" })` → `[{ field: "title", before: "A", after: "B" }]`.
 */
export function contentChanges(before: TChangeRequestContent, after: TChangeRequestContent): FieldChange[] {
  return CONTENT_FIELDS.filter((field) => !jsonEqual(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

export type ChangeRequestItemsProps = {
  items: readonly TChangeRequestItem[];
  /** Where a requirement's page is (staff and portal pages differ). */
  requirementHref: (requirementId: string) => string;
};

/** The items of a request, read-only: new requirements in full, changes as a diff, removals by name. */
export function ChangeRequestItems({ items, requirementHref }: ChangeRequestItemsProps) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <EmptyState icon="±" title={t("changeRequests.items.emptyTitle")}>
        {t("changeRequests.items.emptyBody")}
      </EmptyState>
    );
  }
  return (
    <ol className="cr-item-list" aria-label={t("changeRequests.items.label")}>
      {items.map((item, index) => (
        <li key={item.id} className="cr-item" data-testid="cr-item" data-action={item.action}>
          <div className="cr-item-head">
            <span className="cr-item-number" aria-hidden="true">
              {index + 1}
            </span>
            <ItemActionBadge action={item.action} />
            {item.requirement ? <RequirementRef requirement={item.requirement} href={requirementHref(item.requirement.id)} /> : null}
            {item.result ? (
              <span className="cr-item-result">
                <span className="subtle">{t("changeRequests.items.created")}</span> <RequirementRef requirement={item.result} href={requirementHref(item.result.id)} />
              </span>
            ) : null}
          </div>
          <ItemBody item={item} />
        </li>
      ))}
    </ol>
  );
}

function RequirementRef({ requirement, href }: { requirement: NonNullable<TChangeRequestItem["requirement"]>; href: string }) {
  return (
    <span className="cr-item-target">
      <Link to={href} className="strong-link">
        <span className="mono">{requirement.key}</span> {requirement.title}
      </Link>{" "}
      <RequirementStatusBadge status={requirement.status} />
    </span>
  );
}

function ItemBody({ item }: { item: TChangeRequestItem }) {
  const { t } = useTranslation();
  switch (item.action) {
    case "add":
      return item.proposed ? <ContentView content={item.proposed} /> : null;
    case "modify": {
      if (!item.proposed) return null;
      if (!item.before) return <ContentView content={item.proposed} />;
      const changes = contentChanges(item.before, item.proposed);
      return changes.length > 0 ? (
        <div data-testid="cr-item-diff">
          <FieldChangeList changes={changes} people={{}} />
        </div>
      ) : (
        <p className="subtle">{t("changeRequests.items.noChange")}</p>
      );
    }
    case "remove":
      return <p className="subtle">{t("changeRequests.items.removed")}</p>;
  }
}

/** A proposed requirement in full: its title, type, priority, description and criteria. */
function ContentView({ content }: { content: TChangeRequestContent }) {
  const { t } = useTranslation();
  return (
    <div className="stack cr-content">
      <p className="cr-content-title">{content.title}</p>
      <p className="row subtle">
        <RequirementTypeLabel type={content.type} />
        <MoscowBadge moscow={content.moscow} />
      </p>
      {content.description.trim() ? <MarkdownText text={content.description} /> : null}
      {content.acceptanceCriteria.length > 0 ? (
        <div>
          <p className="subheading">{t("requirements.fields.acceptanceCriteria")}</p>
          <ol className="criteria-read">
            {content.acceptanceCriteria.map((c) => (
              <li key={c.id} className="pre-wrap">
                {c.text}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </div>
  );
}
