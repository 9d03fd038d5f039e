import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WORKSPACE_ROLES, type TUser, type TWorkspaceRole } from "@jiaofu/contracts";
import { Badge, Button, Card, DataTable, EmptyState, SearchToolbar, SelectField, type Column } from "../../ui";
import { isOneOf } from "../../lib/is-one-of";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { useClientOptions } from "../clients/clients.queries";
import { PersonWithEmail } from "./person-with-email";
import { RoleBadge } from "./role-badge";
import { useUserList } from "./users.queries";
import { EditUserDialog } from "./edit-user-dialog";
import { ResetLinkDialog } from "./reset-link-dialog";

export type PeopleListProps = { canManage: boolean; meId: string };

/** Everyone in the workspace: staff and client contacts. Admins edit, deactivate and issue reset links. */
export function PeopleList({ canManage, meId }: PeopleListProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<TWorkspaceRole | "">("");
  const [editing, setEditing] = useState<TUser | null>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const q = useDebouncedValue(search.trim());
  const users = useUserList({ q: q || undefined, role: role || undefined });
  const clients = useClientOptions();
  const clientName = new Map((clients.data ?? []).map((client) => [client.id, client.name]));
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: Column<TUser>[] = [
    {
      key: "person",
      header: t("people.columns.person"),
      primary: true,
      render: (user) => (
        <PersonWithEmail name={user.name} email={user.email} nameNote={user.id === meId ? <span className="subtle">{t("people.you")}</span> : null} />
      ),
    },
    { key: "role", header: t("people.columns.role"), render: (user) => <RoleBadge role={user.role} /> },
    {
      key: "title",
      header: t("people.columns.title"),
      render: (user) =>
        user.role === "client" && user.clientId ? (
          <span>
            {user.title ? `${user.title} · ` : ""}
            {clientName.get(user.clientId) ?? ""}
          </span>
        ) : (
          user.title || <span className="muted">—</span>
        ),
    },
    {
      key: "status",
      header: t("people.columns.status"),
      render: (user) =>
        user.active ? (
          <Badge tone="green">{t("people.active")}</Badge>
        ) : (
          <Badge tone="gray">{t("people.inactive")}</Badge>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      key: "actions",
      header: t("ui.actions"),
      hideHeader: true,
      align: "end",
      render: (user) => (
        <span className="row row-end">
          <Button size="sm" variant="ghost" onClick={() => setEditing(user)} aria-label={t("people.editNamed", { name: user.name })}>
            {t("ui.edit")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setResetting(user)} aria-label={t("people.resetLinkNamed", { name: user.name })}>
            {t("people.resetLink")}
          </Button>
        </span>
      ),
    });
  }

  return (
    <Card flush>
      <SearchToolbar
        label={t("people.filtersLabel")}
        searchLabel={t("people.search")}
        searchPlaceholder={t("people.searchPlaceholder")}
        search={search}
        onSearchChange={setSearch}
      >
        <SelectField
          label={t("people.columns.role")}
          value={role}
          placeholder={t("people.allRoles")}
          options={WORKSPACE_ROLES.map((value) => ({ value, label: t(`workspaceRole.${value}`) }))}
          onChange={(event) => setRole(isOneOf(WORKSPACE_ROLES, event.target.value) ? event.target.value : "")}
        />
      </SearchToolbar>
      <QueryContent query={users} isEmpty={rows.length === 0} empty={<EmptyState title={t("people.noMatchTitle")}>{t("people.noMatchBody")}</EmptyState>}>
        <DataTable
          caption={t("people.title")}
          columns={columns}
          rows={rows}
          rowKey={(user) => user.id}
          rowProps={(user) => ({ "data-testid": "person-row", "data-email": user.email })}
        />
        <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoadMore={() => void users.fetchNextPage()} />
      </QueryContent>
      {editing ? <EditUserDialog user={editing} isSelf={editing.id === meId} onClose={() => setEditing(null)} /> : null}
      {resetting ? <ResetLinkDialog user={resetting} onClose={() => setResetting(null)} /> : null}
    </Card>
  );
}
