import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { PROJECT_STAGES, type TAuditEntry, type TEntityType } from "@jiaofu/contracts";
import { EmptyState } from "../../ui";
import { formatDate, formatDateTime, formatRelative } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useClientOptions } from "../clients/clients.queries";
import { useEveryone } from "../people/users.queries";
import { auditChanges, auditSubject, isUuid, type FieldChange } from "./audit-diff";
import { useAuditLog } from "./collaboration.queries";
import "./collaboration.css";

/**
 * How a feature words its own actions, fields and values (a requirement's "transition", its "status"); whatever it
 * leaves undefined falls back to the generic wording below.
 */
export type ActivityVocabulary = {
  action?: (action: string) => string | undefined;
  field?: (field: string) => string | undefined;
  value?: (field: string, value: unknown) => string | undefined;
  /** The feature's bookkeeping columns, which mean nothing to a reader. */
  hidden?: readonly string[];
};

export type ActivityPanelProps = { entityType: TEntityType; entityId: string; vocabulary?: ActivityVocabulary };

const KNOWN_FIELDS = [
  "code",
  "name",
  "description",
  "stage",
  "startDate",
  "endDate",
  "managerId",
  "clientId",
  "industry",
  "website",
  "notes",
  "role",
  "title",
  "active",
  "email",
  "locale",
  "userId",
  "body",
  "fileName",
] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];

function isKnownField(field: string): field is KnownField {
  return (KNOWN_FIELDS as readonly string[]).includes(field);
}

/**
 * What kind of change an entry is, from its entity type and action. The server writes `create`/`update`/`delete`
 * on the changed row, and `member.add`/`member.update`/`member.remove` on the project for memberships.
 */
type Phrase =
  | "project.create"
  | "project.update"
  | "project.delete"
  | "client.create"
  | "client.update"
  | "user.create"
  | "user.update"
  | "comment.create"
  | "comment.update"
  | "comment.delete"
  | "attachment.create"
  | "attachment.delete"
  | "member.add"
  | "member.update"
  | "member.remove";
const PHRASES: readonly Phrase[] = [
  "project.create",
  "project.update",
  "project.delete",
  "client.create",
  "client.update",
  "user.create",
  "user.update",
  "comment.create",
  "comment.update",
  "comment.delete",
  "attachment.create",
  "attachment.delete",
  "member.add",
  "member.update",
  "member.remove",
];

export function phraseOf(entityType: string, action: string): Phrase | null {
  const key = action.startsWith("member.") ? action : `${entityType}.${action}`;
  return (PHRASES as readonly string[]).includes(key) ? (key as Phrase) : null;
}

/** Who did what and when, with each changed field shown before → after. */
export function ActivityPanel({ entityType, entityId, vocabulary }: ActivityPanelProps) {
  const { t } = useTranslation();
  const log = useAuditLog(entityType, entityId);
  const names = useNames();
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <QueryContent
      query={log}
      isEmpty={entries.length === 0}
      empty={
        <EmptyState icon="↺" title={t("activity.emptyTitle")}>
          {t("activity.emptyBody")}
        </EmptyState>
      }
    >
      <div>
        <ol className="timeline" aria-label={t("activity.listLabel")}>
          {entries.map((entry) => (
            <ActivityEntry key={entry.id} entry={entry} names={names} vocabulary={vocabulary} />
          ))}
        </ol>
        <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoadMore={() => void log.fetchNextPage()} />
      </div>
    </QueryContent>
  );
}

/** Names for the ids that appear in snapshots (managerId, clientId, userId), from lists the app already loads. */
function useNames(): Map<string, string> {
  const users = useEveryone();
  const clients = useClientOptions();
  const names = new Map<string, string>();
  for (const user of users.data ?? []) names.set(user.id, user.name);
  for (const client of clients.data ?? []) names.set(client.id, client.name);
  return names;
}

function ActivityEntry({ entry, names, vocabulary }: { entry: TAuditEntry; names: Map<string, string>; vocabulary: ActivityVocabulary | undefined }) {
  const { t, i18n } = useTranslation();
  const actor = entry.actorName ?? t("activity.system");
  const phrase = phraseOf(entry.entityType, entry.action);
  const subject = auditSubject(entry.before, entry.after, names);
  const changes = auditChanges(entry.before, entry.after).filter((change) => !vocabulary?.hidden?.includes(change.field));
  const addedRole = phrase === "member.add" ? roleOf(entry.after) : null;

  return (
    <li className="timeline-item">
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <p>
          <strong>{actor}</strong> {vocabulary?.action?.(entry.action) ?? (phrase ? t(`activity.phrases.${phrase}`) : entry.action)}
          {subject ? <span className="timeline-subject"> {subject}</span> : null}
          {addedRole ? <span className="muted"> · {roleLabel(addedRole, t)}</span> : null}
        </p>
        <time className="subtle" dateTime={entry.createdAt} title={formatDateTime(entry.createdAt, i18n.language) ?? undefined}>
          {formatRelative(entry.createdAt, i18n.language)}
        </time>
        {changes.length > 0 ? (
          <dl className="change-list">
            {changes.map((change) => (
              <div key={change.field} className="change">
                <dt>{vocabulary?.field?.(change.field) ?? (isKnownField(change.field) ? t(`activity.fields.${change.field}`) : change.field)}</dt>
                <dd>
                  <ChangeValue change={change} side="before" names={names} vocabulary={vocabulary} />
                  <span className="change-arrow" aria-label={t("activity.changedTo")}>
                    →
                  </span>
                  <ChangeValue change={change} side="after" names={names} vocabulary={vocabulary} />
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </li>
  );
}

const MAX_TEXT = 140;

type ChangeValueProps = { change: FieldChange; side: "before" | "after"; names: Map<string, string>; vocabulary: ActivityVocabulary | undefined };

function ChangeValue({ change, side, names, vocabulary }: ChangeValueProps) {
  const { t, i18n } = useTranslation();
  const value = change[side];
  const className = side === "before" ? "change-value change-before" : "change-value change-after";
  if (value === null || value === undefined || value === "") return <span className="change-value muted">{t("activity.empty")}</span>;
  const worded = vocabulary?.value?.(change.field, value);
  if (worded !== undefined) return <span className={className}>{worded}</span>;
  if (typeof value === "boolean") return <span className={className}>{value ? t("ui.yes") : t("ui.no")}</span>;
  if (change.field === "stage" && typeof value === "string" && isOneOf(PROJECT_STAGES, value)) return <span className={className}>{t(`stage.${value}`)}</span>;
  if (change.field === "role" && typeof value === "string" && isOneOf(ROLES, value)) return <span className={className}>{roleLabel(value, t)}</span>;
  if (isUuid(value)) return <span className={className}>{names.get(value) ?? t("activity.unknownRecord")}</span>;
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <span className={className}>{formatDate(value, i18n.language)}</span>;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return (
    <span className={className} title={text.length > MAX_TEXT ? text : undefined}>
      {text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text}
    </span>
  );
}

const ROLES = ["owner", "admin", "member", "client", "manager", "viewer"] as const;
function roleOf(row: unknown): (typeof ROLES)[number] | null {
  const role = row && typeof row === "object" && "role" in row ? row.role : null;
  return typeof role === "string" && isOneOf(ROLES, role) ? role : null;
}
/** Typed as i18next's `TFunction`: `ReturnType<typeof useTranslation>["t"]` is too deep for the compiler with all keys merged. */
function roleLabel(role: (typeof ROLES)[number], t: TFunction): string {
  switch (role) {
    case "owner":
    case "admin":
      return t(`workspaceRole.${role}`);
    case "member":
    case "client":
    case "manager":
    case "viewer":
      return t(`projectRole.${role}`);
  }
}
