import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TMe, TPlanLevellingPreview, TProject } from "@jiaofu/contracts";
import { Banner, Button, Dialog, LoadingBlock, useToast } from "../../../ui";
import { apiMessageOf } from "../../../lib/api-errors";
import { formatDayCount, formatPlanDate } from "../plan-format";
import { planPermissions } from "../plan-permissions";
import { useApplyLevelling, useClearLevelling, usePlanLevellingPreview } from "../plan-resources.queries";

export type LevellingDialogProps = { project: TProject; me: TMe; open: boolean; onClose: () => void };

/**
 * "Level resources": the server's preview of levelling (nothing saved) — the project finish before → after, the
 * tasks that move with their dates, each resource's over-allocated days before and after, and what could not be
 * levelled and why — with Apply (managers) and Clear levelling (undo, when the plan is levelled).
 */
export function LevellingDialog({ project, me, open, onClose }: LevellingDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const can = planPermissions(me, project);
  const [withinSlackOnly, setWithinSlackOnly] = useState(false);
  const preview = usePlanLevellingPreview(project.id, withinSlackOnly, open);
  const apply = useApplyLevelling(project.id);
  const clear = useClearLevelling(project.id);
  const data = preview.data;
  const close = () => {
    apply.reset();
    clear.reset();
    onClose();
  };
  const failed = apiMessageOf(apply.error ?? clear.error ?? preview.error);

  return (
    <Dialog
      open={open}
      onClose={close}
      wide
      title={t("planResources.levelling.title")}
      description={t("planResources.levelling.description")}
      testId="levelling-dialog"
      footer={
        <>
          {can.configure && data?.levelled ? (
            <Button
              variant="danger-ghost"
              loading={clear.isPending}
              onClick={() =>
                clear.mutate(undefined, {
                  onSuccess: () => {
                    toast.show(t("planResources.levelling.cleared"), "success");
                    close();
                  },
                })
              }
              data-testid="levelling-clear"
            >
              {t("planResources.levelling.clear")}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={close}>
            {t("planResources.levelling.close")}
          </Button>
          {can.configure ? (
            <Button
              variant="primary"
              loading={apply.isPending}
              disabled={!data || data.moved.length === 0}
              onClick={() => {
                if (!data) return;
                apply.mutate(
                  { withinSlackOnly, basis: data.basis },
                  {
                    onSuccess: () => {
                      toast.show(t("planResources.levelling.applied", { count: data.moved.length }), "success");
                      close();
                    },
                    onError: () => void preview.refetch(),
                  },
                );
              }}
              data-testid="levelling-apply"
            >
              {t("planResources.levelling.apply")}
            </Button>
          ) : null}
        </>
      }
    >
      <label className="resource-checkbox">
        <input type="checkbox" checked={withinSlackOnly} onChange={(e) => setWithinSlackOnly(e.target.checked)} data-testid="levelling-within-slack" />
        <span>{t("planResources.levelling.withinSlack")}</span>
      </label>
      {failed ? <Banner tone="error">{failed}</Banner> : null}
      {preview.isFetching && !data ? <LoadingBlock /> : data ? <LevellingPreview preview={data} /> : null}
    </Dialog>
  );
}

function LevellingPreview({ preview }: { preview: TPlanLevellingPreview }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | null) => formatPlanDate(iso, i18n.language);
  return (
    <div className="stack levelling-preview" data-testid="levelling-preview">
      {preview.levelled ? <Banner tone="info">{t("planResources.levelling.levelledNote")}</Banner> : null}
      <dl className="levelling-finish">
        <dt>{t("planResources.levelling.finish")}</dt>
        <dd data-testid="levelling-finish">
          {t("planResources.levelling.finishChange", { before: date(preview.finishBefore), after: date(preview.finishAfter) })}{" "}
          <span className={preview.finishChangeDays > 0 ? "resource-text-warning" : "subtle"}>
            ({preview.finishChangeDays > 0 ? t("planResources.levelling.finishDelta", { days: formatDayCount(preview.finishChangeDays, i18n.language) }) : t("planResources.levelling.finishSame")})
          </span>
        </dd>
      </dl>

      <section aria-labelledby="levelling-moved">
        <h3 className="section-title" id="levelling-moved">
          {preview.moved.length > 0 ? t("planResources.levelling.moved", { count: preview.moved.length }) : t("planResources.levelling.noMoves")}
        </h3>
        {preview.moved.length > 0 ? (
          <div className="table-wrap">
            <table className="table table-stack" data-testid="levelling-moved">
              <thead>
                <tr>
                  <th scope="col">{t("planResources.levelling.task")}</th>
                  <th scope="col">{t("planResources.levelling.before")}</th>
                  <th scope="col">{t("planResources.levelling.after")}</th>
                  <th scope="col" className="num">
                    {t("planResources.levelling.shift")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.moved.map((m) => (
                  <tr key={m.taskId} data-testid="levelling-moved-row" data-task={m.name}>
                    <td data-primary="">
                      <span className="mono">{m.wbsCode}</span> {m.name}
                    </td>
                    <td data-label={t("planResources.levelling.before")}>
                      {date(m.startBefore)} – {date(m.finishBefore)}
                    </td>
                    <td data-label={t("planResources.levelling.after")}>
                      <strong>
                        {date(m.startAfter)} – {date(m.finishAfter)}
                      </strong>
                    </td>
                    <td data-label={t("planResources.levelling.shift")} className="num">
                      {t("planResources.levelling.days", { value: formatDayCount(m.shiftDays, i18n.language) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="levelling-over">
        <h3 className="section-title" id="levelling-over">
          {t("planResources.levelling.overTitle")}
        </h3>
        {preview.overAllocations.length === 0 ? (
          <p className="subtle">{t("planResources.levelling.overNone")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack" data-testid="levelling-over">
              <thead>
                <tr>
                  <th scope="col">{t("planResources.levelling.resource")}</th>
                  <th scope="col" className="num">
                    {t("planResources.levelling.before")}
                  </th>
                  <th scope="col" className="num">
                    {t("planResources.levelling.after")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.overAllocations.map((o) => (
                  <tr key={o.resourceId} data-testid="levelling-over-row" data-resource={o.name}>
                    <td data-primary="">{o.name}</td>
                    <td data-label={t("planResources.levelling.before")} className="num resource-text-danger">
                      {o.daysBefore}
                    </td>
                    <td data-label={t("planResources.levelling.after")} className={o.daysAfter > 0 ? "num resource-text-danger" : "num"} data-testid="levelling-over-after">
                      {o.daysAfter}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {preview.unlevellable.length > 0 ? (
        <section aria-labelledby="levelling-unlevellable">
          <h3 className="section-title" id="levelling-unlevellable">
            {t("planResources.levelling.unlevellable")}
          </h3>
          <ul className="levelling-unlevellable" data-testid="levelling-unlevellable">
            {preview.unlevellable.map((u) => (
              <li key={`${u.taskId}-${u.resourceId ?? ""}-${u.reason}`}>{u.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
