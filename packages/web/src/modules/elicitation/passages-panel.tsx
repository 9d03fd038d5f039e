import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TElicitationPassage } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Card, EmptyState } from "../../ui";
import { ConfirmItemDialog } from "../common/confirm-dialog";
import { elicitationKeys } from "./elicitation.queries";
import { RequirementRefLink } from "./requirement-ref-link";

export type PassagesPanelProps = { projectId: string; sessionId: string; passages: readonly TElicitationPassage[]; canWork: boolean };

/**
 * Which passages of the notes became which requirements, in the order of the notes; passages whose text was edited
 * out of the notes ("detached") are listed apart, with their requirements kept.
 */
export function PassagesPanel({ projectId, sessionId, passages, canWork }: PassagesPanelProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<TElicitationPassage | null>(null);
  const attached = passages.filter((p) => !p.detached).sort((a, b) => a.start - b.start || a.end - b.end);
  const detached = passages.filter((p) => p.detached);
  const remove = useMutation({
    mutationFn: (passage: TElicitationPassage) => api.elicitation.removePassage(sessionId, passage.id),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: elicitationKeys.passages(sessionId) });
      await queryClient.invalidateQueries({ queryKey: elicitationKeys.sessions(projectId) });
    },
  });

  const item = (passage: TElicitationPassage) => (
    <li key={passage.id} className="passage-item" data-testid="passage-item" data-detached={passage.detached ? "true" : undefined}>
      <blockquote className="passage-excerpt pre-wrap">{passage.excerpt}</blockquote>
      {passage.requirements.length > 0 ? (
        <ul className="passage-requirements">
          {passage.requirements.map((requirement) => (
            <li key={requirement.id}>
              <RequirementRefLink projectId={projectId} requirement={requirement} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="row">
          <span className="subtle">{t("elicitation.passages.noRequirement")}</span>
          {canWork ? (
            <Button size="sm" variant="danger-ghost" onClick={() => setRemoving(passage)}>
              {t("elicitation.passages.remove")}
            </Button>
          ) : null}
        </div>
      )}
    </li>
  );

  return (
    <Card title={t("elicitation.passages.title")} titleLevel={3} className="passages-panel">
      {attached.length === 0 && detached.length === 0 ? (
        <EmptyState icon="❝" title={t("elicitation.passages.emptyTitle")}>
          {canWork ? t("elicitation.passages.emptyBody") : t("elicitation.passages.emptyBodyReader")}
        </EmptyState>
      ) : (
        <div className="stack">
          {attached.length > 0 ? <ul className="passage-list">{attached.map(item)}</ul> : null}
          {detached.length > 0 ? (
            <section aria-labelledby="detached-passages" className="detached-passages">
              <h4 className="subheading" id="detached-passages">
                {t("elicitation.passages.detachedTitle", { count: detached.length })}
              </h4>
              <p className="subtle">{t("elicitation.passages.detachedBody")}</p>
              <ul className="passage-list">{detached.map(item)}</ul>
            </section>
          ) : null}
        </div>
      )}
      <ConfirmItemDialog item={removing} action={remove} title={t("elicitation.passages.removeTitle")} confirmLabel={t("elicitation.passages.remove")} onClose={() => setRemoving(null)}>
        {t("elicitation.passages.removeBody")}
      </ConfirmItemDialog>
    </Card>
  );
}
