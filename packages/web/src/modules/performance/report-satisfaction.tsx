import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TStatusReportSatisfaction } from "@jiaofu/contracts";
import { Button, Card, TextareaField, useToast } from "../../ui";
import { formatDateTime } from "../../lib/format";
import { fieldErrorsOf, isVersionConflict } from "../../lib/api-errors";
import { QueryContent } from "../common/query-content";
import { useRateReport, useReportSatisfaction } from "./performance.queries";
import "./performance.css";

/** Five stars, `value` of them lit; read as "4 of 5 stars". */
export function Stars({ value }: { value: number }) {
  const { t } = useTranslation();
  const rounded = Math.round(value);
  return (
    <span className="satisfaction-stars" role="img" aria-label={t("performance.satisfaction.stars", { count: rounded })}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= rounded ? undefined : "off"}>
          ★
        </span>
      ))}
    </span>
  );
}

/** The team's view on a published status report: the clients' ratings with the average (staff only; the server decides). */
export function ReportSatisfaction({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const query = useReportSatisfaction(reportId);
  return (
    <Card title={t("performance.satisfaction.title")} data-testid="report-satisfaction">
      <QueryContent query={query} isEmpty={false} empty={null}>
        {query.data ? (
          query.data.count === 0 ? (
            <p className="subtle">{t("performance.satisfaction.none")}</p>
          ) : (
            <div className="stack">
              <p data-testid="report-satisfaction-average">
                <Stars value={query.data.average ?? 0} /> {t("performance.satisfaction.average", { average: query.data.average, count: query.data.count })}
              </p>
              <ul className="satisfaction-list">
                {query.data.ratings.map((r) => (
                  <li key={r.id} data-testid="report-satisfaction-rating">
                    <span>
                      <Stars value={r.rating} /> <strong>{r.userName}</strong> <span className="subtle">{t("performance.satisfaction.ratedAt", { date: formatDateTime(r.updatedAt, i18n.language) })}</span>
                    </span>
                    {r.comment ? <span>{r.comment}</span> : null}
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </QueryContent>
    </Card>
  );
}

/** The client contact's own rating of a published report in the portal: 1–5 stars and a comment, editable. */
export function PortalReportRating({ reportId }: { reportId: string }) {
  const query = useReportSatisfaction(reportId);
  if (!query.data?.canRate) return null;
  return <RatingForm key={`${query.data.mine?.version ?? 0}`} satisfaction={query.data} onReload={() => void query.refetch()} />;
}

function RatingForm({ satisfaction, onReload }: { satisfaction: TStatusReportSatisfaction; onReload: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const rate = useRateReport(satisfaction.statusReportId);
  const mine = satisfaction.mine;
  const [rating, setRating] = useState(mine?.rating ?? 0);
  const [comment, setComment] = useState(mine?.comment ?? "");
  const errors = fieldErrorsOf(rate.error);
  const submit = () =>
    rate.mutate(
      { rating, comment, version: mine?.version ?? 0 },
      {
        onSuccess: () => toast.show(t("performance.satisfaction.saved"), "success"),
        onError: (error) => {
          if (isVersionConflict(error)) {
            toast.show(t("performance.satisfaction.conflict"), "error");
            onReload();
          }
        },
      },
    );
  return (
    <form
      className="stack portal-rating"
      data-testid="portal-report-rating"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="satisfaction-picker">
        <legend className="field-label">{t("performance.satisfaction.rateTitle")}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={n <= rating ? "on" : undefined} title={t("performance.satisfaction.stars", { count: n })}>
            <input type="radio" name={`rating-${satisfaction.statusReportId}`} value={n} checked={rating === n} onChange={() => setRating(n)} aria-label={t("performance.satisfaction.stars", { count: n })} data-testid={`portal-rating-star-${n}`} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      {errors.rating ? <p className="field-error">{errors.rating}</p> : null}
      <TextareaField label={t("performance.satisfaction.comment")} hint={t("performance.satisfaction.commentHint")} value={comment} rows={2} maxLength={2000} onChange={(e) => setComment(e.target.value)} error={errors.comment} optional data-testid="portal-rating-comment" />
      <div className="row">
        <Button type="submit" variant="primary" size="sm" disabled={rating === 0 || rate.isPending} data-testid="portal-rating-save">
          {mine ? t("performance.satisfaction.update") : t("performance.satisfaction.save")}
        </Button>
        {mine ? <span className="subtle" data-testid="portal-rating-mine">{t("performance.satisfaction.yours", { rating: mine.rating })}</span> : null}
      </div>
    </form>
  );
}
