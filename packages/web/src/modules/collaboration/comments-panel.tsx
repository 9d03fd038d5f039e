import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TComment, TEntityType } from "@jiaofu/contracts";
import { api } from "../../api";
import { Avatar, Banner, Button, EmptyState, Form, TextareaField, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { formatDateTime, formatRelative } from "../../lib/format";
import { ConfirmDialog } from "../common/confirm-dialog";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { VersionConflictBanner } from "../common/version-conflict-banner";
import { collaborationKeys, useComments } from "./collaboration.queries";
import "./collaboration.css";

export type CommentsPanelProps = {
  entityType: TEntityType;
  entityId: string;
  /** May the person write comments here. */
  canComment: boolean;
  /** The signed-in person: they can edit and delete their own comments. */
  meId: string;
  /** Workspace admins may also delete other people's comments. */
  canModerate: boolean;
};

/** A discussion thread in Markdown. The server renders and sanitises the HTML we show. */
export function CommentsPanel({ entityType, entityId, canComment, meId, canModerate }: CommentsPanelProps) {
  const { t } = useTranslation();
  const comments = useComments(entityType, entityId);
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="stack">
      <QueryContent
        query={comments}
        isEmpty={items.length === 0}
        empty={
          <EmptyState icon="✎" title={t("comments.emptyTitle")}>
            {canComment ? t("comments.emptyBody") : t("comments.emptyReadOnly")}
          </EmptyState>
        }
      >
        <ol className="comment-list" aria-label={t("comments.listLabel")}>
          {items.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              canEdit={comment.authorId === meId}
              canDelete={comment.authorId === meId || canModerate}
            />
          ))}
        </ol>
        <LoadMore hasMore={comments.hasNextPage} loading={comments.isFetchingNextPage} onLoadMore={() => void comments.fetchNextPage()} />
      </QueryContent>
      {/* The thread reads oldest first, so the reply box sits at its end. */}
      {canComment ? <CommentComposer entityType={entityType} entityId={entityId} /> : null}
    </div>
  );
}

function CommentComposer({ entityType, entityId }: { entityType: TEntityType; entityId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const post = useMutation({
    mutationFn: () => api.comments.create(entityType, entityId, body),
    onSuccess: async () => {
      setBody("");
      await queryClient.invalidateQueries({ queryKey: collaborationKeys.comments(entityType, entityId) });
    },
  });
  const errors = fieldErrorsOf(post.error);
  const message = post.isError && !errors.body ? (apiMessageOf(post.error) ?? t("errors.network")) : undefined;
  return (
    <Form
      className="comment-composer"
      onSubmit={() => {
        if (body.trim()) post.mutate();
      }}
    >
      {message ? <Banner tone="error">{message}</Banner> : null}
      <TextareaField
        label={t("comments.add")}
        placeholder={t("comments.placeholder")}
        rows={3}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          // Ctrl/⌘+Enter posts, as in most discussion tools.
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && body.trim()) {
            event.preventDefault();
            post.mutate();
          }
        }}
        hint={t("comments.hint")}
        error={errors.body}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={post.isPending} disabled={!body.trim()}>
          {t("comments.post")}
        </Button>
      </div>
    </Form>
  );
}

type CommentItemProps = { comment: TComment; canEdit: boolean; canDelete: boolean };

function CommentItem({ comment, canEdit, canDelete }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(comment.body);
  const [confirming, setConfirming] = useState(false);
  const queryKey = collaborationKeys.comments(comment.entityType, comment.entityId);
  const edited = comment.updatedAt !== comment.createdAt;

  const save = useMutation({
    mutationFn: () => api.comments.update(comment.id, draft, comment.version),
    onSuccess: async () => {
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey });
    },
  });
  const remove = useMutation({
    mutationFn: () => api.comments.remove(comment.id),
    onSuccess: async () => {
      setConfirming(false);
      toast.show(t("comments.deleted"), "success");
      await queryClient.invalidateQueries({ queryKey });
    },
  });

  const conflict = isVersionConflict(save.error);

  return (
    <li className="comment">
      <Avatar name={comment.authorName} />
      <article className="comment-main" aria-label={t("comments.by", { name: comment.authorName })}>
        <header className="comment-header">
          <strong>{comment.authorName}</strong>
          <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt, i18n.language) ?? undefined} className="subtle">
            {formatRelative(comment.createdAt, i18n.language)}
          </time>
          {edited ? <span className="subtle">{t("comments.edited")}</span> : null}
          {(canEdit || canDelete) && !editing ? (
            <span className="comment-actions">
              {canEdit ? (
                <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
                  {t("ui.edit")}
                </Button>
              ) : null}
              {canDelete ? (
                <Button size="sm" variant="danger-ghost" onClick={() => setConfirming(true)}>
                  {t("ui.delete")}
                </Button>
              ) : null}
            </span>
          ) : null}
        </header>
        {editing ? (
          <Form className="stack" onSubmit={() => save.mutate()}>
            {conflict ? (
              <VersionConflictBanner
                reloading={false}
                onReload={() => {
                  save.reset();
                  setEditing(false);
                  void queryClient.invalidateQueries({ queryKey });
                }}
              />
            ) : save.isError ? (
              <Banner tone="error">{apiMessageOf(save.error) ?? t("errors.network")}</Banner>
            ) : null}
            <TextareaField label={t("comments.editLabel")} rows={4} value={draft} onChange={(event) => setDraft(event.target.value)} autoFocus />
            <div className="form-actions">
              <Button
                variant="secondary"
                onClick={() => {
                  setEditing(false);
                  setDraft(comment.body);
                  save.reset();
                }}
              >
                {t("ui.cancel")}
              </Button>
              <Button type="submit" variant="primary" loading={save.isPending} disabled={!draft.trim()}>
                {t("ui.save")}
              </Button>
            </div>
          </Form>
        ) : (
          <>
            {/* bodyHtml is rendered from Markdown and sanitised on the server (see ZComment). */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
            {comment.mentions.length > 0 ? (
              <p className="subtle" data-testid="comment-mentions">
                {t("mentions.label", { names: comment.mentions.map((m) => m.name).join(", ") })}
              </p>
            ) : null}
          </>
        )}
      </article>
      <ConfirmDialog
        open={confirming}
        title={t("comments.deleteTitle")}
        confirmLabel={t("ui.delete")}
        busy={remove.isPending}
        error={remove.error}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate()}
      >
        {t("comments.deleteBody")}
      </ConfirmDialog>
    </li>
  );
}
