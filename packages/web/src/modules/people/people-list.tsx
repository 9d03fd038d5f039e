import { useState } from "react";
import { useTranslation } from "react-i18next";
import { WORKSPACE_ROLES, type TUser, type TWorkspaceRole } from "@jiaofu/contracts";
import { Avatar, Badge, Button, Card, DataTable, EmptyState, InputField, LoadingBlock, SelectField, type Column } from "../../ui";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { ErrorPanel } from "../common/error-panel";
import { LoadMore } from "../common/load-more";
import { useClientOptions } from "../clients/clients.queries";
import { RoleBadge } from "./role-badge";
import { useUserList } from "./users.queries";
import { EditUserDialog } from "./edit-user-dialog";
import { ResetLinkDialog } from "./reset-link-dialog";

function isRole(value: string): value is TWorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(value);
}

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
        <span className="person">
          <Avatar name={user.name} />
          <span className="person-text">
            <span className="person-name">
              {user.name}
              {user.id === meId ? <span className="subtle">{t("people.you")}</span> : null}
            </span>
            <span className="subtle">{user.email}</span>
          </span>
        </span>
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
      <div className="toolbar" role="search" aria-label={t("people.filtersLabel")}>
        <InputField
          fieldClassName="field-grow"
          label={t("people.search")}
          type="search"
          placeholder={t("people.searchPlaceholder")}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <SelectField
          label={t("people.columns.role")}
          value={role}
          placeholder={t("people.allRoles")}
          options={WORKSPACE_ROLES.map((value) => ({ value, label: t(`workspaceRole.${value}`) }))}
          onChange={(event) => setRole(isRole(event.target.value) ? event.target.value : "")}
        />
      </div>
      {users.isPending ? (
        <LoadingBlock />
      ) : users.isError ? (
        <ErrorPanel error={users.error} onRetry={() => void users.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title={t("people.noMatchTitle")}>{t("people.noMatchBody")}</EmptyState>
      ) : (
        <>
          <DataTable
            caption={t("people.title")}
            columns={columns}
            rows={rows}
            rowKey={(user) => user.id}
            rowProps={(user) => ({ "data-testid": "person-row", "data-email": user.email })}
          />
          <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoadMore={() => void users.fetchNextPage()} />
        </>
      )}
      {editing ? <EditUserDialog user={editing} isSelf={editing.id === meId} onClose={() => setEditing(null)} /> : null}
      {resetting ? <ResetLinkDialog user={resetting} onClose={() => setResetting(null)} /> : null}
    </Card>
  );
}
