import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { MOSCOW_PRIORITIES, REQUIREMENT_STATUSES, REQUIREMENT_TYPES, type TRequirementVersion } from "@jiaofu/contracts";
import { EmptyState } from "../../ui";
import { formatDateTime, formatRelative } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { formatPriorityInputs } from "../prioritisation/priority-labels";
import { RequirementStatusBadge, TagList } from "./requirement-badges";
import { useRequirementVersions } from "./requirements.queries";
import { criteriaChanges, describeChange, type ChangeView, type DescriptionLine } from "./version-diff";
import type { DiffSegment } from "./word-diff";

/** Every version of a requirement, newest first, each with what changed: before → after, word by word for text. */
export function RequirementHistory({ requirementId }: { requirementId: string }) {
  const { t } = useTranslation();
  const versions = useRequirementVersions(requirementId);
  const pages = versions.data?.pages ?? [];
  const items = pages.flatMap((page) => page.items);
  const people = Object.assign({}, ...pages.map((page) => page.people)) as Record<string, string>;

  return (
    <QueryContent
      query={versions}
      isEmpty={items.length === 0}
      empty={
        <EmptyState icon="↺" title={t("requirements.history.emptyTitle")}>
          {t("requirements.history.emptyBody")}
        </EmptyState>
      }
    >
      <ol className="version-list" aria-label={t("requirements.history.label")} data-testid="version-history">
        {items.map((version) => (
          <VersionItem key={version.version} version={version} people={people} />
        ))}
      </ol>
      <LoadMore hasMore={versions.hasNextPage} loading={versions.isFetchingNextPage} onLoadMore={() => void versions.fetchNextPage()} />
    </QueryContent>
  );
}

function VersionItem({ version, people }: { version: TRequirementVersion; people: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const who = version.changedByName ?? t("activity.system");
  const what = version.automatic ? t("requirements.history.automatic") : t(`requirements.history.action.${version.action}`);
  // The manual order within a tier means nothing in a first version: it is where the list put it.
  const changes = version.action === "create" ? version.changes.filter((c) => c.field !== "rank") : version.changes;
  return (
    <li className="version-item" data-testid="version-item" data-version={version.version}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="version-body">
        <p className="version-head">
          <span className="version-number">{t("requirements.history.version", { version: version.version })}</span>
          {version.automatic ? (
            <span>{what}</span>
          ) : (
            <span>
              <strong>{who}</strong> {what}
            </span>
          )}
          <time className="subtle" dateTime={version.changedAt} title={formatDateTime(version.changedAt, i18n.language) ?? undefined}>
            {formatRelative(version.changedAt, i18n.language)}
          </time>
        </p>
        {changes.length > 0 ? (
          <dl className="version-changes">
            {changes.map((change) => (
              <div key={change.field} className="version-change" data-field={change.field}>
                <dt>{t(`requirements.history.fields.${change.field}`)}</dt>
                <dd>
                  {version.action === "create" ? <FirstValue change={change} people={people} /> : <ChangeBody view={describeChange(change)} people={people} first={false} />}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Field changes as the history shows them (before → after, word by word for text), without the version around them:
 * a baseline comparison lists what changed in a requirement between two baselines this way.
 */
export function FieldChangeList({ changes, people }: { changes: readonly TRequirementVersion["changes"][number][]; people: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <dl className="version-changes">
      {changes.map((change) => (
        <div key={change.field} className="version-change" data-field={change.field}>
          <dt>{t(`requirements.history.fields.${change.field}`)}</dt>
          <dd>
            <ChangeBody view={describeChange(change)} people={people} first={false} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ChangeBody({ view, people, first }: { view: ChangeView; people: Record<string, string>; first: boolean }) {
  const { t } = useTranslation();
  switch (view.kind) {
    case "text":
      if (view.segments) return <DiffText segments={view.segments} />;
      return <BeforeAfter before={view.before ? <span>{view.before}</span> : null} after={view.after ? <span>{view.after}</span> : null} first={first} />;
    case "description":
      return <DescriptionDiff lines={view.lines} collapsed={view.collapsed} />;
    case "tags":
      return (
        <span className="diff-chips">
          {view.removed.map((tag) => (
            <del key={`-${tag}`} className="tag diff-removed-chip">
              <span className="visually-hidden">{t("requirements.history.removed")} </span>
              {tag}
            </del>
          ))}
          {view.added.map((tag) => (
            <ins key={`+${tag}`} className="tag diff-added-chip">
              <span className="visually-hidden">{t("requirements.history.added")} </span>
              {tag}
            </ins>
          ))}
        </span>
      );
    case "criteria":
      return (
        <ul className="criteria-diff">
          {view.items.map((item, index) => (
            <li key={index} className={`criteria-diff-${item.op}`}>
              <span className="criteria-diff-op">{t(`requirements.history.criterion.${item.op}`)}</span>
              {item.op === "changed" ? (
                <DiffText segments={item.segments} />
              ) : item.op === "moved" ? (
                <span>
                  {item.text} <span className="subtle">{t("requirements.history.movedFromTo", { from: item.from, to: item.to })}</span>
                </span>
              ) : item.op === "removed" ? (
                <del className="diff-removed">{item.text}</del>
              ) : (
                <ins className="diff-added">{item.text}</ins>
              )}
            </li>
          ))}
        </ul>
      );
    case "value":
      return <BeforeAfter before={<ValueLabel field={view.field} value={view.before} people={people} />} after={<ValueLabel field={view.field} value={view.after} people={people} />} first={first} />;
  }
}

/** A field of the first version: just what it was set to (no "added" marks on everything). */
function FirstValue({ change, people }: { change: TRequirementVersion["changes"][number]; people: Record<string, string> }) {
  const { after } = change;
  switch (change.field) {
    case "description":
      return <p className="pre-wrap first-description">{typeof after === "string" ? after : ""}</p>;
    case "tags":
      return <TagList tags={Array.isArray(after) ? after.filter((x): x is string => typeof x === "string") : []} />;
    case "acceptanceCriteria":
      return (
        <ol className="criteria-read">
          {criteriaChanges([], after).map((item, index) => (
            <li key={index}>{item.op === "added" ? item.text : null}</li>
          ))}
        </ol>
      );
    case "title":
    case "statusReason":
    case "type":
    case "status":
    case "ownerId":
    case "moscow":
    case "clientPriority":
    case "rank":
    case "priorityInputs":
      return <ChangeBody view={describeChange(change)} people={people} first />;
  }
}

function BeforeAfter({ before, after, first }: { before: ReactNode; after: ReactNode; first: boolean }) {
  const { t } = useTranslation();
  if (first) return <span className="change-after">{after ?? <span className="muted">{t("activity.empty")}</span>}</span>;
  return (
    <span className="before-after">
      <span className="change-before">{before ?? <span className="muted">{t("activity.empty")}</span>}</span>
      <span className="change-arrow" aria-label={t("activity.changedTo")}>
        →
      </span>
      <span className="change-after">{after ?? <span className="muted">{t("activity.empty")}</span>}</span>
    </span>
  );
}

function ValueLabel({ field, value, people }: { field: ChangeView["field"]; value: unknown; people: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === "") {
    if (field === "moscow") return <span>{t("requirements.notPrioritised")}</span>;
    if (field === "ownerId") return <span>{t("requirements.noOwner")}</span>;
    return null;
  }
  if (field === "priorityInputs") return <span>{formatPriorityInputs(t, i18n.language, value)}</span>;
  if (typeof value === "string") {
    if (field === "status" && isOneOf(REQUIREMENT_STATUSES, value)) return <RequirementStatusBadge status={value} />;
    if (field === "type" && isOneOf(REQUIREMENT_TYPES, value)) return <span>{t(`requirements.type.${value}`)}</span>;
    if (field === "moscow" && isOneOf(MOSCOW_PRIORITIES, value)) return <span>{t(`requirements.moscow.${value}`)}</span>;
    if (field === "ownerId") return <span>{people[value] ?? t("activity.unknownRecord")}</span>;
    return <span>{value}</span>;
  }
  if (typeof value === "number") {
    if (field === "clientPriority") return <span>{t("requirements.clientPriorityOf", { value })}</span>;
    return <span>{new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 }).format(value)}</span>;
  }
  return <span>{JSON.stringify(value)}</span>;
}

/** Text with removed words struck through and added words underlined; screen readers hear "removed"/"added". */
export function DiffText({ segments }: { segments: readonly DiffSegment[] }) {
  const { t } = useTranslation();
  return (
    <span className="diff-text">
      {segments.map((segment, index) =>
        segment.op === "same" ? (
          <span key={index}>{segment.text}</span>
        ) : segment.op === "removed" ? (
          <del key={index} className="diff-removed">
            <span className="visually-hidden">{t("requirements.history.removed")} </span>
            {segment.text}
          </del>
        ) : (
          <ins key={index} className="diff-added">
            <span className="visually-hidden">{t("requirements.history.added")} </span>
            {segment.text}
          </ins>
        ),
      )}
    </span>
  );
}

function DescriptionDiff({ lines, collapsed }: { lines: readonly DescriptionLine[]; collapsed: number }) {
  const { t } = useTranslation();
  return (
    <div className="diff-lines">
      {lines.map((line, index) => (
        <div key={index} className={`diff-line diff-line-${line.op}`}>
          <span className="diff-sign" aria-hidden="true">
            {line.op === "added" ? "+" : line.op === "removed" ? "−" : line.op === "changed" ? "~" : " "}
          </span>
          {line.op === "changed" ? (
            <DiffText segments={line.segments} />
          ) : line.op === "added" ? (
            <ins className="diff-line-text">
              <span className="visually-hidden">{t("requirements.history.added")} </span>
              {line.text || " "}
            </ins>
          ) : line.op === "removed" ? (
            <del className="diff-line-text">
              <span className="visually-hidden">{t("requirements.history.removed")} </span>
              {line.text || " "}
            </del>
          ) : (
            <span className="diff-line-text">{line.text || " "}</span>
          )}
        </div>
      ))}
      {collapsed > 0 ? <p className="subtle diff-collapsed">{t("requirements.history.collapsed", { count: collapsed })}</p> : null}
    </div>
  );
}
