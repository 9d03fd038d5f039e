import { useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TAttachment, TEntityType } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, EmptyState, Spinner, useToast } from "../../ui";
import { apiMessageOf } from "../../lib/api-errors";
import { formatBytes, formatDay } from "../../lib/format";
import { ConfirmItemDialog } from "../common/confirm-dialog";
import { QueryContent } from "../common/query-content";
import { collaborationKeys, useAttachments } from "./collaboration.queries";
import "./collaboration.css";

export type AttachmentsPanelProps = {
  entityType: TEntityType;
  entityId: string;
  canUpload: boolean;
  /** Who may delete a given file (its uploader, project managers, admins); the server has the last word. */
  canDelete: (attachment: TAttachment) => boolean;
};

/** Files attached to a project or client: upload (button or drop), download, delete. */
export function AttachmentsPanel({ entityType, entityId, canUpload, canDelete }: AttachmentsPanelProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const attachments = useAttachments(entityType, entityId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState<TAttachment | null>(null);
  const queryKey = collaborationKeys.attachments(entityType, entityId);

  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file, file.name);
      return api.attachments.upload(entityType, entityId, form);
    },
    onSuccess: async (attachment) => {
      toast.show(t("attachments.uploaded", { name: attachment.fileName }), "success");
      await queryClient.invalidateQueries({ queryKey });
    },
  });

  const remove = useMutation({
    mutationFn: (attachment: TAttachment) => api.attachments.remove(attachment.id),
    onSuccess: async (_, attachment) => {
      setRemoving(null);
      toast.show(t("attachments.deleted", { name: attachment.fileName }), "success");
      await queryClient.invalidateQueries({ queryKey });
    },
  });

  function handleFiles(files: FileList | null) {
    const file = files?.[0];
    if (file) upload.mutate(file);
  }

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    handleFiles(event.target.files);
    event.target.value = "";
  }

  function handleDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (canUpload && !upload.isPending) handleFiles(event.dataTransfer.files);
  }

  const items = attachments.data?.items ?? [];

  return (
    <div
      className={dragging ? "stack dropzone dropzone-active" : "stack dropzone"}
      onDragOver={(event) => {
        if (!canUpload) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={handleDrop}
    >
      {canUpload ? (
        <div className="upload-bar">
          <label className={upload.isPending ? "btn btn-secondary file-button is-busy" : "btn btn-secondary file-button"}>
            <input ref={inputRef} type="file" className="visually-hidden" onChange={handleChange} disabled={upload.isPending} />
            {upload.isPending ? <Spinner /> : <span aria-hidden="true">↑</span>}
            {upload.isPending ? t("attachments.uploading") : t("attachments.upload")}
          </label>
          <span className="subtle">{t("attachments.dropHint")}</span>
        </div>
      ) : null}
      {upload.isError ? <Banner tone="error">{apiMessageOf(upload.error) ?? t("errors.network")}</Banner> : null}
      <QueryContent
        query={attachments}
        isEmpty={items.length === 0}
        empty={
          <EmptyState icon="▢" title={t("attachments.emptyTitle")}>
            {canUpload ? t("attachments.emptyBody") : t("attachments.emptyReadOnly")}
          </EmptyState>
        }
      >
        <ul className="file-list" aria-label={t("attachments.listLabel")}>
          {items.map((attachment) => (
            <li key={attachment.id} className="file-item">
              <span className="file-icon" aria-hidden="true">
                {extensionOf(attachment.fileName)}
              </span>
              <span className="file-text">
                <a href={api.attachments.downloadUrl(attachment.id)} className="file-name" download={attachment.fileName}>
                  {attachment.fileName}
                </a>
                <span className="subtle">
                  {t("attachments.meta", {
                    size: formatBytes(attachment.size, i18n.language),
                    name: attachment.uploaderName,
                    date: formatDay(attachment.createdAt, i18n.language) ?? "",
                  })}
                </span>
              </span>
              {canDelete(attachment) ? (
                <Button
                  size="sm"
                  variant="danger-ghost"
                  onClick={() => setRemoving(attachment)}
                  aria-label={t("attachments.deleteNamed", { name: attachment.fileName })}
                >
                  {t("ui.delete")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      </QueryContent>
      <ConfirmItemDialog
        item={removing}
        action={remove}
        title={t("attachments.deleteTitle")}
        confirmLabel={t("ui.delete")}
        onClose={() => setRemoving(null)}
      >
        {t("attachments.deleteBody", { name: removing?.fileName ?? "" })}
      </ConfirmItemDialog>
    </div>
  );
}

/** "report.pdf" → "PDF"; files without an extension get a generic mark. */
function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const ext = dot > 0 ? fileName.slice(dot + 1, dot + 5).toUpperCase() : "";
  return ext || "•";
}
