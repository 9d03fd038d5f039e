import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { REQUIREMENT_STATUSES, REQUIREMENT_TYPES, type TProject, type TRequirement, type TSavedView } from "@jiaofu/contracts";
import { api } from "../../api";
import { Button, Card, EmptyState, InputField, SearchToolbar, SelectField } from "../../ui";
import { formatDateTime, formatRelative } from "../../lib/format";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { LoadMore } from "../common/load-more";
import { QueryContent } from "../common/query-content";
import { AwaitingClientNotice } from "../client-confirmation/awaiting-client-notice";
import { BulkEditDialog } from "./bulk-edit-dialog";
import { ImportRequirementsDialog } from "./import-requirements-dialog";
import { MultiSelectFilter } from "./multi-select-filter";
import { NewRequirementDialog } from "./new-requirement-dialog";
import { ClientPriority, MoscowBadge, RequirementStatusBadge, RequirementTypeLabel, TagList } from "./requirement-badges";
import { useOwnerOptions } from "./requirement-fields";
import {
  EMPTY_REQUIREMENT_FILTERS,
  MOSCOW_FILTER_VALUES,
  filtersFromParams,
  filtersFromView,
  filtersToListQuery,
  filtersToParams,
  hasActiveFilters,
  isRequirementSort,
  nextSort,
  sortDirectionOf,
  type RequirementFilters,
  type TRequirementSort,
  type TRequirementSortKey,
} from "./requirement-filters";
import { requirementPath } from "./requirement-paths";
import type { RequirementPermissions } from "./requirement-permissions";
import { useRequirementList } from "./requirements.queries";
import { SavedViewsBar } from "./saved-views-bar";
import { useMediaQuery } from "./use-media-query";

export type RequirementsRegisterProps = { project: TProject; can: RequirementPermissions };

/**
 * The register: every requirement of the project in a table (a card list on phones), filtered and sorted through
 * the URL, with saved views, selection for bulk edits, and "load more" paging.
 */
export function RequirementsRegister({ project, can }: RequirementsRegisterProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const viewId = params.get("view") ?? "";
  const narrow = useMediaQuery("(max-width: 720px)");
  const [creating, setCreating] = useState(false);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const lastClicked = useRef<number | null>(null);

  const applyFilters = useCallback(
    (next: RequirementFilters, nextViewId = viewId) => {
      setParams({ ...filtersToParams(next), ...(nextViewId ? { view: nextViewId } : {}) }, { replace: true });
      setSelected(new Set());
      lastClicked.current = null;
    },
    [setParams, viewId],
  );

  // Text filters are typed: the URL (and the query) follow once typing pauses.
  const [search, setSearch] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  const debouncedSearch = useDebouncedValue(search);
  const debouncedTag = useDebouncedValue(tag);
  const pushed = useRef({ q: filters.q, tag: filters.tag });
  useEffect(() => {
    if (debouncedSearch === pushed.current.q && debouncedTag === pushed.current.tag) return;
    pushed.current = { q: debouncedSearch, tag: debouncedTag };
    applyFilters({ ...filters, q: debouncedSearch, tag: debouncedTag });
    // Only typing triggers this; the other filters are read as they are now.
  }, [debouncedSearch, debouncedTag]);
  // Back/Forward or a saved view changed the text filters: show them in the boxes.
  useEffect(() => {
    if (filters.q !== pushed.current.q || filters.tag !== pushed.current.tag) {
      pushed.current = { q: filters.q, tag: filters.tag };
      setSearch(filters.q);
      setTag(filters.tag);
    }
  }, [filters.q, filters.tag]);

  const list = useRequirementList(project.id, filters);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const ownerOptions = useOwnerOptions(project.id);
  const selectedRows = rows.filter((r) => selected.has(r.id));

  // Read through a ref so the handler stays the same as pages load: the memoised rows do not all re-render.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  const handleToggle = useCallback(
    (id: string, index: number, range: boolean) => {
      // Read now: the updater below runs later, after the anchor has moved to this row.
      const anchor = lastClicked.current;
      setSelected((current) => {
        const next = new Set(current);
        const on = !current.has(id);
        if (range && anchor !== null) {
          const [from, to] = [Math.min(anchor, index), Math.max(anchor, index)];
          for (const row of rowsRef.current.slice(from, to + 1)) {
            if (on) next.add(row.id);
            else next.delete(row.id);
          }
        } else if (on) next.add(id);
        else next.delete(id);
        return next;
      });
      lastClicked.current = index;
    },
    [],
  );

  function handleToggleAll(on: boolean) {
    setSelected(on ? new Set(rows.map((r) => r.id)) : new Set());
  }

  function handleApplyView(view: TSavedView | null) {
    applyFilters(view ? filtersFromView(view.filters) : filters, view?.id ?? "");
  }

  function handleSort(column: TRequirementSortKey) {
    applyFilters({ ...filters, sort: nextSort(filters.sort, column) });
  }

  const active = hasActiveFilters(filters);
  const typeOptions = REQUIREMENT_TYPES.map((value) => ({ value, label: t(`requirements.type.${value}`) }));
  const statusOptions = REQUIREMENT_STATUSES.map((value) => ({ value, label: t(`requirements.status.${value}`) }));
  const moscowOptions = MOSCOW_FILTER_VALUES.map((value) => ({ value, label: value === "none" ? t("requirements.notPrioritised") : t(`requirements.moscow.${value}`) }));

  return (
    <div className="stack">
      <div className="section-heading">
        <div>
          <h2 className="section-title">{t("requirements.registerTitle")}</h2>
          <p className="subtle">{t("requirements.registerIntro")}</p>
        </div>
        {can.write ? (
          <div className="row">
            <Button onClick={() => setImporting(true)} data-testid="import-requirements">
              {t("requirementsImport.open")}
            </Button>
            <Button variant="primary" onClick={() => setCreating(true)} data-testid="new-requirement">
              {t("requirements.new")}
            </Button>
          </div>
        ) : null}
      </div>
      <AwaitingClientNotice
        projectId={project.id}
        onShow={
          filters.status.length === 1 && filters.status[0] === "awaiting_client"
            ? undefined
            : () => applyFilters({ ...filters, status: ["awaiting_client"] }, "")
        }
      />
      <Card flush className="register-card-wrap">
        <SearchToolbar
          label={t("requirements.filters.label")}
          searchLabel={t("requirements.filters.search")}
          searchPlaceholder={t("requirements.filters.searchPlaceholder")}
          search={search}
          onSearchChange={setSearch}
        >
          <MultiSelectFilter label={t("requirements.fields.status")} options={statusOptions} value={filters.status} onChange={(status) => applyFilters({ ...filters, status })} testId="filter-status" />
          <MultiSelectFilter label={t("requirements.fields.type")} options={typeOptions} value={filters.type} onChange={(type) => applyFilters({ ...filters, type })} testId="filter-type" />
          <MultiSelectFilter label={t("requirements.fields.moscow")} options={moscowOptions} value={filters.moscow} onChange={(moscow) => applyFilters({ ...filters, moscow })} testId="filter-moscow" />
          <SelectField
            label={t("requirements.fields.owner")}
            value={filters.ownerId}
            placeholder={t("requirements.filters.anyone")}
            options={ownerOptions}
            onChange={(event) => applyFilters({ ...filters, ownerId: event.target.value })}
          />
          <InputField label={t("requirements.fields.tag")} value={tag} onChange={(event) => setTag(event.target.value)} placeholder={t("requirements.filters.tagPlaceholder")} maxLength={40} />
          {narrow ? (
            <SelectField
              label={t("requirements.sort.label")}
              value={filters.sort}
              options={SORT_CHOICES.map((value) => ({ value, label: t(`requirements.sort.${value}`) }))}
              onChange={(event) => {
                const value = event.target.value;
                if (isRequirementSort(value)) applyFilters({ ...filters, sort: value });
              }}
            />
          ) : null}
        </SearchToolbar>
        <div className="register-bar">
          {can.internal ? <SavedViewsBar projectId={project.id} filters={filters} viewId={viewId} onApply={handleApplyView} can={can} /> : <span />}
          <div className="register-bar-end">
            {active ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setSearch("");
                  setTag("");
                  pushed.current = { q: "", tag: "" };
                  applyFilters({ ...EMPTY_REQUIREMENT_FILTERS, sort: filters.sort }, "");
                }}
              >
                {t("requirements.filters.clearAll")}
              </Button>
            ) : null}
            <span className="register-export" role="group" aria-label={t("requirements.export.label")}>
              <a className="btn btn-ghost btn-sm" href={api.requirements.exportUrl(project.id, "csv", filtersToListQuery(filters))} download data-testid="export-csv">
                {t("requirements.export.csv")}
              </a>
              <a className="btn btn-ghost btn-sm" href={api.requirements.exportUrl(project.id, "xlsx", filtersToListQuery(filters))} download data-testid="export-xlsx">
                {t("requirements.export.xlsx")}
              </a>
            </span>
            <span className="subtle" aria-live="polite">
              {list.isSuccess ? (list.hasNextPage ? t("requirements.shownMore", { count: rows.length }) : t("requirements.shown", { count: rows.length })) : ""}
            </span>
          </div>
        </div>
        {can.write && selected.size > 0 ? (
          <div className="bulk-bar" role="region" aria-label={t("requirements.bulk.label")}>
            <span aria-live="polite">{t("requirements.bulk.selected", { count: selected.size })}</span>
            <Button size="sm" variant="primary" onClick={() => setBulkOpen(true)} data-testid="bulk-edit">
              {t("requirements.bulk.edit")}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              {t("requirements.bulk.clear")}
            </Button>
          </div>
        ) : null}
        <div className={list.isPlaceholderData ? "register-body is-stale" : "register-body"} aria-busy={list.isFetching && !list.isFetchingNextPage}>
          <QueryContent
            query={list}
            isEmpty={rows.length === 0}
            empty={
              active ? (
                <EmptyState title={t("requirements.noMatchTitle")}>{t("requirements.noMatchBody")}</EmptyState>
              ) : (
                <EmptyState
                  icon="☰"
                  title={t("requirements.emptyTitle")}
                  action={
                    can.write ? (
                      <Button variant="primary" onClick={() => setCreating(true)}>
                        {t("requirements.new")}
                      </Button>
                    ) : undefined
                  }
                >
                  {can.write ? t("requirements.emptyBody") : t("requirements.emptyReadOnly")}
                </EmptyState>
              )
            }
          >
            {narrow ? (
              <RegisterCards projectId={project.id} rows={rows} selectable={can.write} selected={selected} onToggle={handleToggle} />
            ) : (
              <RegisterTable
                projectId={project.id}
                rows={rows}
                sort={filters.sort}
                onSort={handleSort}
                selectable={can.write}
                selected={selected}
                onToggle={handleToggle}
                onToggleAll={handleToggleAll}
              />
            )}
            <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          </QueryContent>
        </div>
      </Card>
      {can.write ? <NewRequirementDialog projectId={project.id} open={creating} onClose={() => setCreating(false)} /> : null}
      {can.write ? <ImportRequirementsDialog projectId={project.id} open={importing} onClose={() => setImporting(false)} /> : null}
      {can.write ? (
        <BulkEditDialog
          projectId={project.id}
          open={bulkOpen}
          onClose={() => setBulkOpen(false)}
          selected={selectedRows}
          onDone={() => {
            setBulkOpen(false);
            setSelected(new Set());
          }}
        />
      ) : null}
    </div>
  );
}

const SORT_CHOICES: TRequirementSort[] = ["key", "-key", "title", "status", "rank", "priority", "-updatedAt", "updatedAt"];

type SelectionProps = {
  selectable: boolean;
  selected: ReadonlySet<string>;
  /** `range`: Shift was held, so everything from the last clicked row to this one follows. */
  onToggle: (id: string, index: number, range: boolean) => void;
};

type RegisterTableProps = SelectionProps & {
  projectId: string;
  rows: readonly TRequirement[];
  sort: TRequirementSort;
  onSort: (column: TRequirementSortKey) => void;
  onToggleAll: (on: boolean) => void;
};

function RegisterTable({ projectId, rows, sort, onSort, selectable, selected, onToggle, onToggleAll }: RegisterTableProps) {
  const { t } = useTranslation();
  const allRef = useRef<HTMLInputElement>(null);
  const count = rows.filter((r) => selected.has(r.id)).length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = count > 0 && count < rows.length;
  }, [count, rows.length]);

  const header = (column: TRequirementSortKey, label: string) => {
    const direction = sortDirectionOf(sort, column);
    return (
      <th scope="col" aria-sort={direction}>
        <button type="button" className="sort-button" onClick={() => onSort(column)}>
          {label}
          <span className="sort-indicator" aria-hidden="true">
            {direction === "ascending" ? "↑" : direction === "descending" ? "↓" : "↕"}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-wrap">
      <table className="table register-table">
        <caption className="visually-hidden">{t("requirements.registerTitle")}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="select-cell">
                <input
                  ref={allRef}
                  type="checkbox"
                  className="row-check"
                  checked={rows.length > 0 && count === rows.length}
                  onChange={(event) => onToggleAll(event.target.checked)}
                  aria-label={t("requirements.bulk.selectAll", { count: rows.length })}
                  data-testid="select-all"
                />
              </th>
            ) : null}
            {header("key", t("requirements.columns.key"))}
            {header("title", t("requirements.columns.title"))}
            <th scope="col">{t("requirements.columns.type")}</th>
            {header("status", t("requirements.columns.status"))}
            {header("rank", t("requirements.columns.moscow"))}
            {header("priority", t("requirements.columns.clientPriority"))}
            <th scope="col">{t("requirements.columns.owner")}</th>
            {header("updatedAt", t("requirements.columns.updated"))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <RegisterRow key={row.id} projectId={projectId} row={row} index={index} selectable={selectable} checked={selected.has(row.id)} onToggle={onToggle} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type RowProps = { projectId: string; row: TRequirement; index: number; selectable: boolean; checked: boolean; onToggle: SelectionProps["onToggle"] };

/** Memoised: selecting one row of thousands re-renders that row only. */
const RegisterRow = memo(function RegisterRow({ projectId, row, index, selectable, checked, onToggle }: RowProps) {
  const { t, i18n } = useTranslation();
  return (
    <tr className={checked ? "is-selected" : undefined} data-testid="requirement-row" data-key={row.key}>
      {selectable ? (
        <td className="select-cell">
          <input
            type="checkbox"
            className="row-check"
            checked={checked}
            // Click (not change) to see Shift; the browser's own toggle agrees with the state it sets.
            onClick={(event: MouseEvent<HTMLInputElement>) => onToggle(row.id, index, event.shiftKey)}
            onKeyDown={(event) => {
              // Space toggles natively through the click above; Shift+Space extends the range like Shift+click.
              if (event.key === " " && event.shiftKey) {
                event.preventDefault();
                onToggle(row.id, index, true);
              }
            }}
            onChange={() => undefined}
            aria-label={t("requirements.bulk.selectOne", { key: row.key })}
          />
        </td>
      ) : null}
      <td className="nowrap mono">{row.key}</td>
      <td className="register-title">
        <Link to={requirementPath(projectId, row.id)} className="strong-link">
          {row.title}
        </Link>
        {row.tags.length > 0 ? <TagList tags={row.tags} /> : null}
      </td>
      <td className="nowrap">
        <RequirementTypeLabel type={row.type} />
      </td>
      <td className="nowrap">
        <RequirementStatusBadge status={row.status} />
      </td>
      <td className="nowrap">
        <MoscowBadge moscow={row.moscow} />
      </td>
      <td className="nowrap">
        <ClientPriority value={row.clientPriority} />
      </td>
      <td className="nowrap">{row.ownerName ?? <span className="muted">{t("requirements.none")}</span>}</td>
      <td className="nowrap subtle">
        <time dateTime={row.updatedAt} title={formatDateTime(row.updatedAt, i18n.language) ?? undefined}>
          {formatRelative(row.updatedAt, i18n.language)}
        </time>
      </td>
    </tr>
  );
});

type RegisterCardsProps = SelectionProps & { projectId: string; rows: readonly TRequirement[] };

/** Phones: each requirement as a card, key and status on top, then the title and who owns it. */
function RegisterCards({ projectId, rows, selectable, selected, onToggle }: RegisterCardsProps) {
  const { t } = useTranslation();
  return (
    <ul className="register-cards" aria-label={t("requirements.registerTitle")}>
      {rows.map((row, index) => (
        <RegisterCard key={row.id} projectId={projectId} row={row} index={index} selectable={selectable} checked={selected.has(row.id)} onToggle={onToggle} />
      ))}
    </ul>
  );
}

const RegisterCard = memo(function RegisterCard({ projectId, row, index, selectable, checked, onToggle }: RowProps) {
  const { t, i18n } = useTranslation();
  return (
    <li className={checked ? "register-card is-selected" : "register-card"} data-testid="requirement-row" data-key={row.key}>
      <div className="register-card-top">
        {selectable ? (
          <input
            type="checkbox"
            className="row-check"
            checked={checked}
            onChange={() => onToggle(row.id, index, false)}
            aria-label={t("requirements.bulk.selectOne", { key: row.key })}
          />
        ) : null}
        <span className="mono subtle">{row.key}</span>
        <RequirementStatusBadge status={row.status} />
        {row.moscow ? <MoscowBadge moscow={row.moscow} /> : null}
      </div>
      <Link to={requirementPath(projectId, row.id)} className="strong-link register-card-title">
        {row.title}
      </Link>
      <div className="register-card-meta subtle">
        <RequirementTypeLabel type={row.type} />
        <span>{row.ownerName ?? t("requirements.noOwner")}</span>
        <time dateTime={row.updatedAt}>{formatRelative(row.updatedAt, i18n.language)}</time>
      </div>
      {row.tags.length > 0 ? <TagList tags={row.tags} /> : null}
    </li>
  );
});
