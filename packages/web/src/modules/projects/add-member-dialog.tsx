import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { PROJECT_ROLES, type TProject, type TProjectMember, type TProjectRole } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Dialog, SelectField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { isOneOf } from "../../lib/is-one-of";
import { DialogForm } from "../common/dialog-form";
import { useEveryone } from "../people/users.queries";

export type AddMemberDialogProps = {
  open: boolean;
  onClose: () => void;
  project: TProject;
  existing: readonly TProjectMember[];
  onAdded: () => Promise<void>;
};

export function AddMemberDialog({ open, onClose, project, existing, onAdded }: AddMemberDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("members.addTitle")} description={t("members.addDescription", { project: project.name })}>
      <AddMemberForm project={project} existing={existing} onClose={onClose} onAdded={onAdded} />
    </Dialog>
  );
}

/**
 * Picks a person and their role. Offered: active staff, and the contacts of this project's own client (a contact
 * can only join their organisation's projects, with the client role).
 */
function AddMemberForm({ project, existing, onClose, onAdded }: Omit<AddMemberDialogProps, "open">) {
  const { t } = useTranslation();
  const toast = useToast();
  const everyone = useEveryone();
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<TProjectRole>("member");
  const memberIds = new Set(existing.map((member) => member.userId));
  const candidates = (everyone.data ?? []).filter(
    (user) => user.active && !memberIds.has(user.id) && (user.role !== "client" || user.clientId === project.clientId),
  );
  const staff = candidates.filter((user) => user.role !== "client");
  const contacts = candidates.filter((user) => user.role === "client");
  const chosen = candidates.find((user) => user.id === userId);

  const add = useMutation({
    mutationFn: () => api.projects.addMember(project.id, { userId, role }),
    onSuccess: async (member) => {
      toast.show(t("members.added", { name: member.name }), "success");
      await onAdded();
      onClose();
    },
  });

  function handleUserChange(id: string) {
    setUserId(id);
    const user = candidates.find((candidate) => candidate.id === id);
    // A contact can only be a client on the project; staff default to member.
    if (user) setRole(user.role === "client" ? "client" : role === "client" ? "member" : role);
  }

  const errors = fieldErrorsOf(add.error);
  const roleOptions = PROJECT_ROLES.map((value) => ({
    value,
    label: t(`projectRole.${value}`),
    disabled: chosen ? (chosen.role === "client") !== (value === "client") : false,
  }));

  return (
    <DialogForm
      onSubmit={() => add.mutate()}
      onCancel={onClose}
      submitLabel={t("members.addSubmit")}
      submitting={add.isPending}
      submitDisabled={!userId}
      error={add.error}
    >
      {everyone.isError ? <Banner tone="error">{apiMessageOf(everyone.error) ?? t("errors.network")}</Banner> : null}
      <SelectField
        label={t("members.person")}
        value={userId}
        onChange={(event) => handleUserChange(event.target.value)}
        data-autofocus
        groups={[
          { label: t("members.groupStaff"), options: staff.map((user) => ({ value: user.id, label: user.title ? `${user.name} · ${user.title}` : user.name })) },
          { label: t("members.groupContacts", { client: project.clientName }), options: contacts.map((user) => ({ value: user.id, label: user.name })) },
        ]}
        placeholder={everyone.isPending ? t("ui.loading") : t("ui.choose")}
        error={errors.userId}
        hint={candidates.length === 0 && everyone.isSuccess ? t("members.noCandidates") : undefined}
      />
      <SelectField
        label={t("members.role")}
        value={role}
        options={roleOptions}
        onChange={(event) => {
          if (isOneOf(PROJECT_ROLES, event.target.value)) setRole(event.target.value);
        }}
        error={errors.role}
        hint={t(`projectRoleHint.${role}`)}
      />
    </DialogForm>
  );
}
