import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CHINA_HOLIDAYS_SOURCE, CHINA_HOLIDAY_FESTIVALS, chinaHolidayPeriods } from "@jiaofu/engine";
import { PLAN_WEEKDAYS, type TPlanCalendar, type TPlanCalendarException, type TPlanWeek, type TPlanWeekday } from "@jiaofu/contracts";
import { api } from "../../api";
import { Banner, Button, Dialog, Input, useToast } from "../../ui";
import { apiMessageOf, fieldErrorsOf } from "../../lib/api-errors";
import { formatPlanDate } from "./plan-format";
import { planKeys } from "./planning.queries";

/** The hours a weekday gets when it is ticked as a working day. */
const DEFAULT_HOURS = "09:00-12:00,13:00-18:00";

export type CalendarDialogProps = {
  projectId: string;
  calendar: TPlanCalendar;
  /** The years the plan spans, for the list of China's arrangements. */
  years: readonly number[];
  canConfigure: boolean;
  open: boolean;
  onClose: () => void;
};

type ExceptionDraft = { from: string; to: string; hours: string; name: string };

/**
 * The project calendar: working hours per weekday, whether mainland China's public holidays and make-up working
 * days apply (with that year's arrangement listed), and the project's own exceptions. Saving reschedules the plan.
 */
export function CalendarDialog({ projectId, calendar, years, canConfigure, open, onClose }: CalendarDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} title={t("plan.calendar.title")} description={t("plan.calendar.description")} wide testId="plan-calendar-dialog">
      {open ? <CalendarForm projectId={projectId} calendar={calendar} years={years} canConfigure={canConfigure} onClose={onClose} /> : null}
    </Dialog>
  );
}

function CalendarForm({ projectId, calendar, years, canConfigure, onClose }: Omit<CalendarDialogProps, "open">) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [week, setWeek] = useState<TPlanWeek>(calendar.week);
  const [china, setChina] = useState(calendar.holidaySets.includes("cn"));
  const [exceptions, setExceptions] = useState<ExceptionDraft[]>(calendar.exceptions.map((e) => ({ from: e.from, to: e.to ?? "", hours: e.hours, name: e.name })));
  const save = useMutation({
    mutationFn: () =>
      api.planning.updateCalendar(projectId, {
        version: calendar.version,
        week,
        holidaySets: china ? ["cn"] : [],
        exceptions: exceptions.map((e): TPlanCalendarException => ({ from: e.from, to: e.to || null, hours: e.hours, name: e.name })),
      }),
    onSuccess: async () => {
      // Every date may have moved: load the plan again.
      await queryClient.invalidateQueries({ queryKey: planKeys.plan(projectId) });
      toast.show(t("plan.calendar.saved"), "success");
      onClose();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const setDay = (day: TPlanWeekday, hours: string) => setWeek((w) => ({ ...w, [day]: hours }));
  const setException = (index: number, patch: Partial<ExceptionDraft>) => setExceptions((list) => list.map((e, i) => (i === index ? { ...e, ...patch } : e)));
  const dayName = (day: TPlanWeekday) => t(`plan.calendar.weekday.${day}`);
  const festival = (id: keyof typeof CHINA_HOLIDAY_FESTIVALS) => (i18n.language === "zh-CN" ? CHINA_HOLIDAY_FESTIVALS[id].zh : CHINA_HOLIDAY_FESTIVALS[id].en);
  const range = (from: string, to: string) => (from === to ? formatPlanDate(from, i18n.language) : `${formatPlanDate(from, i18n.language)} – ${formatPlanDate(to, i18n.language)}`);
  const disabled = !canConfigure || save.isPending;

  return (
    <form
      className="stack plan-calendar"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {!canConfigure ? <Banner tone="info">{t("plan.calendar.readOnly")}</Banner> : null}
      {save.error && Object.keys(errors).length === 0 ? <Banner tone="error">{apiMessageOf(save.error) ?? t("errors.network")}</Banner> : null}

      <fieldset className="plan-fieldset stack">
        <legend className="subheading">{t("plan.calendar.week")}</legend>
        <div className="plan-week">
          {PLAN_WEEKDAYS.map((day) => {
            const working = week[day].trim() !== "";
            return (
              <div key={day} className="plan-week-day">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={working}
                    disabled={disabled}
                    onChange={(event) => setDay(day, event.target.checked ? DEFAULT_HOURS : "")}
                    aria-label={t("plan.calendar.working", { day: dayName(day) })}
                    data-testid={`plan-calendar-working-${day}`}
                  />
                  <span>{dayName(day)}</span>
                </label>
                <Input
                  value={week[day]}
                  disabled={disabled || !working}
                  onChange={(event) => setDay(day, event.target.value)}
                  aria-label={t("plan.calendar.hours", { day: dayName(day) })}
                  placeholder={t("plan.calendar.hoursHint")}
                  aria-invalid={errors[`week.${day}`] ? true : undefined}
                />
                {errors[`week.${day}`] ? <p className="field-error">{errors[`week.${day}`]}</p> : null}
              </div>
            );
          })}
        </div>
        {errors.week ? <p className="field-error">{errors.week}</p> : null}
      </fieldset>

      <fieldset className="plan-fieldset stack">
        <legend className="subheading">{t("plan.calendar.holidays")}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={china} disabled={disabled} onChange={(event) => setChina(event.target.checked)} data-testid="plan-calendar-china" />
          <span>{t("plan.calendar.china")}</span>
        </label>
        <p className="subtle">{t("plan.calendar.chinaHint", { from: CHINA_HOLIDAYS_SOURCE.fromYear, to: CHINA_HOLIDAYS_SOURCE.toYear })}</p>
        {china
          ? years.map((year) => {
              const periods = chinaHolidayPeriods(year);
              if (periods.length === 0) return null;
              return (
                <details key={year} className="details plan-china-year" open={years.length === 1}>
                  <summary>{t("plan.calendar.chinaYear", { year })}</summary>
                  <ul className="plan-china-list">
                    {periods.map((p) => (
                      <li key={`${p.festival}-${p.off[0]?.[0] ?? ""}`}>
                        <strong>{festival(p.festival)}</strong> {t("plan.calendar.off", { days: p.off.map(([from, to]) => range(from, to)).join(", ") })}
                        {p.working.length > 0 ? <span className="subtle"> · {t("plan.calendar.makeUp", { days: p.working.map((d) => formatPlanDate(d, i18n.language)).join(", ") })}</span> : null}
                      </li>
                    ))}
                  </ul>
                </details>
              );
            })
          : null}
      </fieldset>

      <fieldset className="plan-fieldset stack">
        <legend className="subheading">{t("plan.calendar.exceptions")}</legend>
        <p className="subtle">{t("plan.calendar.exceptionsHint")}</p>
        {exceptions.length === 0 ? <p className="subtle">{t("plan.calendar.noExceptions")}</p> : null}
        {exceptions.map((exception, index) => (
          <div key={index} className="plan-exception" data-testid="plan-calendar-exception">
            <label className="field">
              <span className="field-label">{t("plan.calendar.from")}</span>
              <Input type="date" value={exception.from} disabled={disabled} onChange={(e) => setException(index, { from: e.target.value })} />
              {errors[`exceptions.${index}.from`] ? <span className="field-error">{errors[`exceptions.${index}.from`]}</span> : null}
            </label>
            <label className="field">
              <span className="field-label">{t("plan.calendar.to")}</span>
              <Input type="date" value={exception.to} disabled={disabled} onChange={(e) => setException(index, { to: e.target.value })} />
              {errors[`exceptions.${index}.to`] ? <span className="field-error">{errors[`exceptions.${index}.to`]}</span> : null}
            </label>
            <label className="field">
              <span className="field-label">{t("plan.calendar.exceptionHours")}</span>
              <Input value={exception.hours} disabled={disabled} placeholder={t("plan.calendar.hoursHint")} onChange={(e) => setException(index, { hours: e.target.value })} />
              {errors[`exceptions.${index}.hours`] ? <span className="field-error">{errors[`exceptions.${index}.hours`]}</span> : null}
            </label>
            <label className="field">
              <span className="field-label">{t("plan.calendar.exceptionName")}</span>
              <Input value={exception.name} disabled={disabled} onChange={(e) => setException(index, { name: e.target.value })} />
            </label>
            {canConfigure ? (
              <button type="button" className="icon-button plan-exception-remove" onClick={() => setExceptions((list) => list.filter((_, i) => i !== index))} aria-label={t("plan.calendar.removeException", { number: index + 1 })}>
                <span aria-hidden="true">×</span>
              </button>
            ) : null}
          </div>
        ))}
        {canConfigure ? (
          <div>
            <Button size="sm" variant="secondary" onClick={() => setExceptions((list) => [...list, { from: "", to: "", hours: "", name: "" }])} data-testid="plan-calendar-add-exception">
              {t("plan.calendar.addException")}
            </Button>
          </div>
        ) : null}
      </fieldset>

      <div className="dialog-footer plan-calendar-footer">
        <Button variant="secondary" onClick={onClose}>
          {t("ui.cancel")}
        </Button>
        {canConfigure ? (
          <Button type="submit" variant="primary" loading={save.isPending} data-testid="plan-calendar-save">
            {t("plan.calendar.save")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
