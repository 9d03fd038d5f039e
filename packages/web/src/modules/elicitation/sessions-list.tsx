import { useState } from "react";
import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { ELICITATION_SESSION_KINDS, type TElicitationSessionKind, type TElicitationSessionSummary, type TProject } from "@jiaofu/contracts";
import { Button, Card, DataTable, EmptyState, SearchToolbar, SelectField, type Column } from "../../ui";
import { formatDateTime } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useSessionList } from "./elicitation.queries";
import { sessionPath } from "./elicitation-paths";
import { NewSessionDialog } from "./new-session-dialog";
import { SessionKindBadge } from "./session-kind-badge";

export type SessionsListProps = { project: TProject; canWork: boolean };

/** The project's interviews, focus groups and workshops, newest first. */
export function SessionsList({ project, canWork }: SessionsListProps) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const [kind, setKind] = useState<TElicitationSessionKind | "">("");
  const q = useDebouncedValue(search.trim());
  const sessions = useSessionList(project.id, { q: q || undefined, kind: kind || undefined });
  const rows = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q !== "" || kind !== "";

  const columns: Column<TElicitationSessionSummary>[] = [
    {
      key: "title",
      header: t("elicitation.sessions.columns.title"),
      primary: true,
      render: (session) => (
        <Link to={sessionPath(project.id, session.id)} className="strong-link">
          {session.title}
        </Link>
      ),
    },
    { key: "kind", header: t("elicitation.sessions.columns.kind"), render: (session) => <SessionKindBadge kind={session.kind} /> },
    { key: "date", header: t("elicitation.sessions.columns.date"), nowrap: true, render: (session) => formatDateTime(session.startsAt, i18n.language) },
    {
      key: "participants",
      header: t("elicitation.sessions.columns.participants"),
      render: (session) => <ParticipantNames names={[...session.participants.map((p) => p.name), ...session.guests]} />,
    },
    {
      key: "passages",
      header: t("elicitation.sessions.columns.passages"),
      align: "end",
      render: (session) =>
        session.detachedPassageCount > 0
          ? t("elicitation.sessions.passagesWithDetached", { count: session.passageCount, detached: session.detachedPassageCount })
          : session.passageCount,
    },
  ];

  return (
    <Card flush>
      <SearchToolbar
        label={t("elicitation.sessions.filtersLabel")}
        searchLabel={t("elicitation.sessions.search")}
        searchPlaceholder={t("elicitation.sessions.searchPlaceholder")}
        search={search}
        onSearchChange={setSearch}
      >
        <SelectField
          label={t("elicitation.fields.kind")}
          value={kind}
          placeholder={t("elicitation.sessions.allKinds")}
          options={ELICITATION_SESSION_KINDS.map((value) => ({ value, label: t(`elicitation.kinds.${value}`) }))}
          onChange={(event) => setKind(isOneOf(ELICITATION_SESSION_KINDS, event.target.value) ? event.target.value : "")}
        />
        {canWork ? (
          <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-session">
            {t("elicitation.sessions.new")}
          </Button>
        ) : null}
      </SearchToolbar>
      <QueryContent
        query={sessions}
        isEmpty={rows.length === 0}
        empty={
          filtered ? (
            <EmptyState title={t("elicitation.sessions.noMatchTitle")}>{t("elicitation.sessions.noMatchBody")}</EmptyState>
          ) : (
            <EmptyState
              icon="✎"
              title={t("elicitation.sessions.emptyTitle")}
              action={
                canWork ? (
                  <Button variant="primary" onClick={() => setCreating(true)}>
                    {t("elicitation.sessions.new")}
                  </Button>
                ) : undefined
              }
            >
              {t("elicitation.sessions.emptyBody")}
            </EmptyState>
          )
        }
      >
        <DataTable
          caption={t("elicitation.sessions.title")}
          columns={columns}
          rows={rows}
          rowKey={(session) => session.id}
          rowProps={(session) => ({ "data-testid": "session-row", "data-title": session.title })}
        />
        <LoadMore hasMore={sessions.hasNextPage} loading={sessions.isFetchingNextPage} onLoadMore={() => void sessions.fetchNextPage()} />
      </QueryContent>
      {canWork ? <NewSessionDialog open={creating} onClose={() => setCreating(false)} project={project} /> : null}
    </Card>
  );
}

/** The first few names, then "+N". */
function ParticipantNames({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return <span className="muted">—</span>;
  const shown = names.slice(0, 3);
  return (
    <span className="participant-names">
      {shown.join(t("elicitation.listSeparator"))}
      {names.length > shown.length ? <span className="subtle"> {t("elicitation.sessions.moreParticipants", { count: names.length - shown.length })}</span> : null}
    </span>
  );
}
