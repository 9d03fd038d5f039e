import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PROJECT_ROLES, type TProject, type TProjectMember, type TProjectRole } from "@jiaofu/contracts";
import { api } from "../../api";
import { Badge, Button, DataTable, EmptyState, Select, useToast, type Column } from "../../ui";
import { apiMessageOf, isVersionConflict } from "../../lib/api-errors";
import { formatDay } from "../../lib/format";
import { isOneOf } from "../../lib/is-one-of";
import { ConfirmItemDialog } from "../common/confirm-dialog";
import { QueryContent } from "../common/query-content";
import { PersonWithEmail } from "../people/person-with-email";
import { projectKeys, useProjectMembers } from "./projects.queries";
import { AddMemberDialog } from "./add-member-dialog";

export type ProjectMembersProps = { project: TProject; canManage: boolean };

/** Who works on the project and in which role; managers and admins add, re-role and remove people. */
export function ProjectMembers({ project, canManage }: ProjectMembersProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const members = useProjectMembers(project.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TProjectMember | null>(null);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: projectKeys.members(project.id) });
    await queryClient.invalidateQueries({ queryKey: projectKeys.detail(project.id) });
  };

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: TProjectMember; role: TProjectRole }) =>
      api.projects.updateMember(project.id, member.userId, { role, version: member.version }),
    onSuccess: async (member) => {
      toast.show(t("members.roleChanged", { name: member.name }), "success");
      await refresh();
    },
    onError: async (error) => {
      toast.show(isVersionConflict(error) ? t("conflict.message") : (apiMessageOf(error) ?? t("errors.network")), "error");
      await refresh();
    },
  });

  const remove = useMutation({
    mutationFn: (member: TProjectMember) => api.projects.removeMember(project.id, member.userId),
    onSuccess: async (_, member) => {
      toast.show(t("members.removed", { name: member.name }), "success");
      setRemoving(null);
      await refresh();
    },
  });

  const roleOptions = PROJECT_ROLES.map((role) => ({ value: role, label: t(`projectRole.${role}`) }));

  const columns: Column<TProjectMember>[] = [
    {
      key: "person",
      header: t("members.columns.person"),
      primary: true,
      render: (member) => <PersonWithEmail name={member.name} email={member.email} />,
    },
    {
      key: "role",
      header: t("members.columns.role"),
      render: (member) =>
        canManage ? (
          <Select
            aria-label={t("members.roleFor", { name: member.name })}
            className="select-inline"
            value={member.role}
            options={roleOptions}
            disabled={changeRole.isPending}
            onChange={(event) => {
              if (isOneOf(PROJECT_ROLES, event.target.value)) changeRole.mutate({ member, role: event.target.value });
            }}
          />
        ) : (
          <Badge tone={member.role === "client" ? "teal" : member.role === "manager" ? "blue" : "gray"} dot={false}>
            {t(`projectRole.${member.role}`)}
          </Badge>
        ),
    },
    {
      key: "added",
      header: t("members.columns.added"),
      nowrap: true,
      render: (member) => formatDay(member.createdAt, i18n.language),
    },
  ];
  if (canManage) {
    columns.push({
      key: "actions",
      header: t("ui.actions"),
      hideHeader: true,
      align: "end",
      render: (member) => (
        <Button size="sm" variant="danger-ghost" onClick={() => setRemoving(member)} aria-label={t("members.removeNamed", { name: member.name })}>
          {t("members.remove")}
        </Button>
      ),
    });
  }

  const items = members.data?.items ?? [];

  return (
    <div className="stack">
      <div className="section-heading">
        <div>
          <h2 className="section-title">{t("members.title")}</h2>
          <p className="subtle">{t("members.subtitle")}</p>
        </div>
        {canManage ? (
          <Button variant="primary" onClick={() => setAdding(true)} data-testid="add-member">
            {t("members.add")}
          </Button>
        ) : null}
      </div>
      <div className="card">
        <QueryContent query={members} isEmpty={items.length === 0} empty={<EmptyState title={t("members.emptyTitle")}>{t("members.emptyBody")}</EmptyState>}>
          <DataTable caption={t("members.title")} columns={columns} rows={items} rowKey={(member) => member.userId} />
        </QueryContent>
      </div>
      {canManage ? (
        <AddMemberDialog open={adding} onClose={() => setAdding(false)} project={project} existing={items} onAdded={refresh} />
      ) : null}
      <ConfirmItemDialog
        item={removing}
        action={remove}
        title={t("members.removeTitle")}
        confirmLabel={t("members.remove")}
        onClose={() => setRemoving(null)}
      >
        {t("members.removeBody", { name: removing?.name ?? "", project: project.name })}
      </ConfirmItemDialog>
    </div>
  );
}
