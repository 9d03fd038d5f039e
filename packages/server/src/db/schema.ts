/**
 * The Drizzle schema: every table of Jiaofu. Migrations in `../../drizzle` are generated from this file by
 * `npm run db:generate -w @jiaofu/server` and committed; they run unchanged on PGlite and PostgreSQL 15+.
 *
 * Conventions: uuid primary keys; `version` on every mutable row for optimistic concurrency; timestamps with
 * time zone at millisecond precision (what a JavaScript Date holds, so a timestamp read back and used in a
 * cursor or a comparison is exactly the stored value); enums as text with check constraints (adding a value is
 * then a plain migration on both drivers).
 */
import { sql } from "drizzle-orm";
import type { RequirementPriorityInputs, RequirementSnapshot, ScoringCriterion } from "@jiaofu/engine";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** The uuid primary key every table has. */
const id = () => uuid("id").primaryKey().defaultRandom();
/** The owning workspace (tenant) of a row. */
const workspaceRef = () =>
  uuid("workspace_id")
    .notNull()
    .references(() => workspaces.id);
/** The project a row belongs to; `cascade` rows go with their project. */
const projectRef = (onDelete?: "cascade") =>
  uuid("project_id")
    .notNull()
    .references(() => projects.id, onDelete ? { onDelete } : {});
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow();
const version = () => integer("version").notNull().default(1);

export const workspaces = pgTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  version: version(),
});

export const clients = pgTable(
  "clients",
  {
    id: id(),
    workspaceId: workspaceRef(),
    name: text("name").notNull(),
    industry: text("industry").notNull().default(""),
    website: text("website").notNull().default(""),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("clients_workspace_name_uq").on(t.workspaceId, t.name)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    workspaceId: workspaceRef(),
    /** Stored lower-cased; unique across the installation so sign-in needs only the email. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["owner", "admin", "member", "client"] }).notNull(),
    title: text("title").notNull().default(""),
    clientId: uuid("client_id").references(() => clients.id),
    locale: text("locale", { enum: ["zh-CN", "en"] })
      .notNull()
      .default("zh-CN"),
    active: boolean("active").notNull().default(true),
    /**
     * What an hour of this person's time costs, in the workspace's currency: the rate approved time is costed at
     * when the project has no plan resource for them (a resource's own rate wins).
     */
    costPerHour: numeric("cost_per_hour", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    /** Which notifications also go out by e-mail (when SMTP is configured); in-app ones always show. */
    emailNotifications: jsonb("email_notifications").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_client_idx").on(t.clientId),
    check("users_role_ck", sql`${t.role} in ('owner','admin','member','client')`),
    // A client contact belongs to exactly one client organisation; staff belong to none.
    check("users_client_ck", sql`(${t.role} = 'client') = (${t.clientId} is not null)`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie value: a database leak does not leak usable sessions. */
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    userAgent: text("user_agent").notNull().default(""),
    ip: text("ip").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the secret, shown in lists so a person can tell tokens apart. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date", precision: 3 }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [uniqueIndex("password_resets_hash_uq").on(t.tokenHash)],
);

export const projects = pgTable(
  "projects",
  {
    id: id(),
    workspaceId: workspaceRef(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => clients.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    stage: text("stage", { enum: ["requirements", "planning", "execution", "delivery", "support", "closed"] })
      .notNull()
      .default("requirements"),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    managerId: uuid("manager_id").references(() => users.id),
    /** ISO 4217 code of the plan's costs and budget (resource rates, fixed costs). */
    currency: text("currency").notNull().default("CNY"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("projects_workspace_code_uq").on(t.workspaceId, t.code),
    index("projects_client_idx").on(t.clientId),
    check(
      "projects_stage_ck",
      sql`${t.stage} in ('requirements','planning','execution','delivery','support','closed')`,
    ),
    check("projects_dates_ck", sql`${t.startDate} is null or ${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
  ],
);

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: projectRef("cascade"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["manager", "member", "viewer", "client"] }).notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId] }),
    index("project_members_user_idx").on(t.userId),
    check("project_members_role_ck", sql`${t.role} in ('manager','member','viewer','client')`),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: id(),
    workspaceId: workspaceRef(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date", precision: 3 }),
    version: version(),
  },
  (t) => [index("comments_entity_idx").on(t.entityType, t.entityId, t.createdAt)],
);

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    workspaceId: workspaceRef(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    uploaderId: uuid("uploader_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    /** Path relative to `<data dir>/attachments`. */
    storageKey: text("storage_key").notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [index("attachments_entity_idx").on(t.entityType, t.entityId)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    actorId: uuid("actor_id"),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    /** The project the entity belongs to, when it does: lets a project's history be read in one query. */
    projectId: uuid("project_id"),
    action: text("action").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId, t.id), index("audit_log_project_idx").on(t.projectId, t.id)],
);

// ---------------------------------------------------------------------------------------------------------------
// Elicitation (stage 1): sessions with the client (interviews, focus groups, workshops), the passages of their notes
// that became requirements, and questionnaires — a generic engine the satisfaction surveys of stage 3 reuse.
// ---------------------------------------------------------------------------------------------------------------

export const elicitationSessions = pgTable(
  "elicitation_sessions",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef(),
    kind: text("kind", { enum: ["interview", "focus_group", "workshop"] }).notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date", precision: 3 }),
    location: text("location").notNull().default(""),
    /** Participants without an account: names as typed. */
    guests: jsonb("guests").$type<string[]>().notNull().default([]),
    agenda: text("agenda").notNull().default(""),
    /** Markdown; passages point into it by UTF-16 offsets. */
    notes: text("notes").notNull().default(""),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("elicitation_sessions_project_idx").on(t.projectId, t.startsAt),
    check("elicitation_sessions_kind_ck", sql`${t.kind} in ('interview','focus_group','workshop')`),
    check("elicitation_sessions_dates_ck", sql`${t.endsAt} is null or ${t.startsAt} <= ${t.endsAt}`),
  ],
);

/** People with an account who took part in a session: project staff or contacts of the project's client. */
export const elicitationSessionParticipants = pgTable(
  "elicitation_session_participants",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => elicitationSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("elicitation_session_participants_user_idx").on(t.userId)],
);

/**
 * A passage of a session's notes. `excerpt` is the truth; the offsets follow it when the notes are edited
 * (`detached` when the excerpt is no longer in the notes, keeping the last offsets).
 */
export const elicitationPassages = pgTable(
  "elicitation_passages",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => elicitationSessions.id, { onDelete: "cascade" }),
    startOffset: integer("start_offset").notNull(),
    endOffset: integer("end_offset").notNull(),
    excerpt: text("excerpt").notNull(),
    detached: boolean("detached").notNull().default(false),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("elicitation_passages_session_idx").on(t.sessionId, t.startOffset),
    check("elicitation_passages_range_ck", sql`0 <= ${t.startOffset} and ${t.startOffset} < ${t.endOffset}`),
  ],
);

/**
 * Which requirements were made from which passage. `requirement_id` points into the requirements register (kept
 * without a foreign key so the two modules migrate independently).
 */
export const elicitationPassageRequirements = pgTable(
  "elicitation_passage_requirements",
  {
    passageId: uuid("passage_id")
      .notNull()
      .references(() => elicitationPassages.id, { onDelete: "cascade" }),
    requirementId: uuid("requirement_id").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.passageId, t.requirementId] }),
    index("elicitation_passage_requirements_requirement_idx").on(t.requirementId),
  ],
);

export const questionnaires = pgTable(
  "questionnaires",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef(),
    title: text("title").notNull(),
    intro: text("intro").notNull().default(""),
    /** Sections of questions (the contract's `QuestionnaireDefinition`); answers refer to its stable ids. */
    definition: jsonb("definition").$type<unknown>().notNull(),
    status: text("status", { enum: ["draft", "open", "closed"] })
      .notNull()
      .default("draft"),
    audiencePortal: boolean("audience_portal").notNull().default(true),
    audiencePublic: boolean("audience_public").notNull().default(false),
    anonymous: boolean("anonymous").notNull().default(false),
    onePerRespondent: boolean("one_per_respondent").notNull().default(true),
    opensAt: timestamp("opens_at", { withTimezone: true, mode: "date", precision: 3 }),
    closesAt: timestamp("closes_at", { withTimezone: true, mode: "date", precision: 3 }),
    /**
     * The public link's secret (256 random bits, base64url). Kept so the manager can see the link again; looked up
     * by its SHA-256 (`public_token_hash`) and then compared in constant time.
     */
    publicToken: text("public_token"),
    publicTokenHash: text("public_token_hash"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("questionnaires_project_idx").on(t.projectId, t.updatedAt),
    uniqueIndex("questionnaires_public_token_hash_uq").on(t.publicTokenHash),
    check("questionnaires_status_ck", sql`${t.status} in ('draft','open','closed')`),
    check("questionnaires_dates_ck", sql`${t.opensAt} is null or ${t.closesAt} is null or ${t.opensAt} < ${t.closesAt}`),
  ],
);

/**
 * One submitted response. Anonymous questionnaires store no respondent (`respondent_id` and `respondent_name`
 * null) and only the day of `submitted_at`, so a response cannot be matched to a person by its time either.
 */
export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    id: id(),
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["portal", "public"] }).notNull(),
    respondentId: uuid("respondent_id").references(() => users.id),
    respondentName: text("respondent_name"),
    /** Answers by question id, validated against the definition by the engine before they are stored. */
    answers: jsonb("answers").$type<Record<string, string | string[] | number>>().notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
  },
  (t) => [
    index("questionnaire_responses_questionnaire_idx").on(t.questionnaireId, t.submittedAt),
    check("questionnaire_responses_channel_ck", sql`${t.channel} in ('portal','public')`),
  ],
);

/**
 * Who has answered, kept apart from what they answered (like a voters' roll beside the ballot box): `user:<id>` for
 * a portal contact, `token:<sha-256>` for a public respondent token. It enforces one response per respondent and
 * gives the response rate without linking an anonymous response to its author. No timestamp, on purpose.
 */
export const questionnaireParticipations = pgTable(
  "questionnaire_participations",
  {
    questionnaireId: uuid("questionnaire_id")
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    respondentKey: text("respondent_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionnaireId, t.respondentKey] })],
);

/** Which requirements were made from which free-text answer (`requirement_id` as in the passage links). */
export const questionnaireAnswerRequirements = pgTable(
  "questionnaire_answer_requirements",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    requirementId: uuid("requirement_id").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId, t.requirementId] }),
    index("questionnaire_answer_requirements_requirement_idx").on(t.requirementId),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Requirements register (stage 1): requirements with per-project keys, their versions, sources and relations,
// saved views of the register, and generic traceability links (docs/requirements.md).
// ---------------------------------------------------------------------------------------------------------------

export const requirements = pgTable(
  "requirements",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef(),
    /** The n of `REQ-n`: allocated as max + 1 while the project row is locked, unique per project. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    type: text("type", { enum: ["functional", "performance", "security", "usability", "reliability", "compliance", "other"] })
      .notNull()
      .default("functional"),
    status: text("status", {
      enum: ["draft", "in_analysis", "awaiting_client", "approved", "baselined", "delivered", "accepted", "rejected", "deferred"],
    })
      .notNull()
      .default("draft"),
    /** Why it was rejected or deferred (required then), or the note of the last transition. */
    statusReason: text("status_reason"),
    /**
     * When it was first put in front of the client (awaiting_client or later). A rejected or deferred requirement is
     * shown to client contacts only if this is set, so a dropped internal draft never surfaces in the portal.
     */
    clientSharedAt: timestamp("client_shared_at", { withTimezone: true, mode: "date", precision: 3 }),
    ownerId: uuid("owner_id").references(() => users.id),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    acceptanceCriteria: jsonb("acceptance_criteria").$type<{ id: string; text: string }[]>().notNull().default([]),
    moscow: text("moscow", { enum: ["must", "should", "could", "wont"] }),
    /** The client's own priority, 1 (highest) to 5. */
    clientPriority: integer("client_priority"),
    /** Manual order within a MoSCoW tier (smaller first); new requirements go last. */
    rank: doublePrecision("rank").notNull().default(0),
    /**
     * The inputs of each scoring model (RICE, WSJF, weighted criteria), kept per model so switching the project's model
     * and back loses nothing. The score itself is computed by the engine (`requirementScore`), never stored.
     */
    priorityInputs: jsonb("priority_inputs").$type<RequirementPriorityInputs>().notNull().default({}),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("requirements_project_number_uq").on(t.projectId, t.number),
    index("requirements_project_status_idx").on(t.projectId, t.status),
    index("requirements_project_rank_idx").on(t.projectId, t.rank),
    index("requirements_owner_idx").on(t.ownerId),
    check("requirements_number_ck", sql`${t.number} > 0`),
    check("requirements_type_ck", sql`${t.type} in ('functional','performance','security','usability','reliability','compliance','other')`),
    check(
      "requirements_status_ck",
      sql`${t.status} in ('draft','in_analysis','awaiting_client','approved','baselined','delivered','accepted','rejected','deferred')`,
    ),
    check("requirements_moscow_ck", sql`${t.moscow} is null or ${t.moscow} in ('must','should','could','wont')`),
    check("requirements_client_priority_ck", sql`${t.clientPriority} is null or ${t.clientPriority} between 1 and 5`),
    check("requirements_reason_ck", sql`${t.status} not in ('rejected','deferred') or coalesce(btrim(${t.statusReason}), '') <> ''`),
  ],
);

/** Every version of a requirement, written in the same transaction as the change that made it. */
export const requirementVersions = pgTable(
  "requirement_versions",
  {
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    /** Equal to `requirements.version` after the change. */
    version: integer("version").notNull(),
    action: text("action", { enum: ["create", "update", "transition"] }).notNull(),
    /** Made by the system (content edited after approval → back to the client), not chosen by the person. */
    automatic: boolean("automatic").notNull().default(false),
    snapshot: jsonb("snapshot").$type<RequirementSnapshot>().notNull(),
    changedById: uuid("changed_by_id").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requirementId, t.version] }),
    check("requirement_versions_action_ck", sql`${t.action} in ('create','update','transition')`),
  ],
);

/**
 * "from <kind> to" between two requirements of one project. Symmetric kinds (conflicts_with, duplicates) are stored
 * with the smaller id first. `status` is set for conflicts only (open until resolved with a note).
 */
export const requirementRelations = pgTable(
  "requirement_relations",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef(),
    fromId: uuid("from_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    toId: uuid("to_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["conflicts_with", "duplicates", "depends_on", "refines"] }).notNull(),
    status: text("status", { enum: ["open", "resolved"] }),
    resolutionNote: text("resolution_note").notNull().default(""),
    resolvedById: uuid("resolved_by_id").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("requirement_relations_pair_uq").on(t.fromId, t.toId, t.kind),
    index("requirement_relations_to_idx").on(t.toId),
    index("requirement_relations_project_idx").on(t.projectId, t.kind),
    check("requirement_relations_kind_ck", sql`${t.kind} in ('conflicts_with','duplicates','depends_on','refines')`),
    check("requirement_relations_self_ck", sql`${t.fromId} <> ${t.toId}`),
    check("requirement_relations_status_ck", sql`(${t.kind} = 'conflicts_with') = (${t.status} is not null) and (${t.status} is null or ${t.status} in ('open','resolved'))`),
  ],
);

/**
 * Where a requirement came from. The reference ids point into the elicitation and questionnaire tables (and users
 * for a contact) without foreign keys, so the modules migrate independently; the module that creates the source
 * checks them.
 */
export const requirementSources = pgTable(
  "requirement_sources",
  {
    id: id(),
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["session_passage", "questionnaire_answer", "contact", "document"] }).notNull(),
    sessionId: uuid("session_id"),
    passageId: uuid("passage_id"),
    questionnaireId: uuid("questionnaire_id"),
    responseId: uuid("response_id"),
    /** Questionnaire question ids are the definition's own (text) ids. */
    questionId: text("question_id"),
    contactId: uuid("contact_id"),
    /** A document's name or location ("SOW v2 §3.1"). */
    label: text("label").notNull().default(""),
    excerpt: text("excerpt").notNull().default(""),
    startOffset: integer("start_offset"),
    endOffset: integer("end_offset"),
    /** Order among the requirement's sources (as given). */
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("requirement_sources_requirement_idx").on(t.requirementId),
    index("requirement_sources_session_idx").on(t.sessionId),
    index("requirement_sources_questionnaire_idx").on(t.questionnaireId),
    check("requirement_sources_kind_ck", sql`${t.kind} in ('session_passage','questionnaire_answer','contact','document')`),
    check(
      "requirement_sources_refs_ck",
      sql`case ${t.kind}
            when 'session_passage' then ${t.sessionId} is not null
            when 'questionnaire_answer' then ${t.questionnaireId} is not null and ${t.responseId} is not null and ${t.questionId} is not null
            when 'contact' then ${t.contactId} is not null
            else true end`,
    ),
  ],
);

/**
 * Generic traceability: "from <kind> to", from the downstream artefact to what it serves (task implements
 * requirement, acceptance_test verifies requirement, …). Types are text so later stages plug in without a migration.
 */
export const traceLinks = pgTable(
  "trace_links",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef(),
    fromType: text("from_type").notNull(),
    fromId: uuid("from_id").notNull(),
    toType: text("to_type").notNull(),
    toId: uuid("to_id").notNull(),
    kind: text("kind").notNull(),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("trace_links_uq").on(t.fromType, t.fromId, t.toType, t.toId, t.kind),
    index("trace_links_to_idx").on(t.projectId, t.toType, t.toId),
    index("trace_links_from_idx").on(t.projectId, t.fromType, t.fromId),
    check("trace_links_self_ck", sql`not (${t.fromType} = ${t.toType} and ${t.fromId} = ${t.toId})`),
  ],
);

/** A named set of register filters; private to its author unless shared with the project's team. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Which list the view filters: `requirements` today; later stages' lists (tasks, tickets) reuse the table. */
    scope: text("scope").notNull().default("requirements"),
    name: text("name").notNull(),
    filters: jsonb("filters").$type<Record<string, unknown>>().notNull(),
    shared: boolean("shared").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex("saved_views_user_name_uq").on(t.projectId, t.userId, t.scope, t.name), index("saved_views_project_idx").on(t.projectId, t.scope)],
);

/**
 * What the team decided about a proposal of the conflict and duplicate finder (issue 4). The pair is stored ordered
 * (`requirement_a_id` < `requirement_b_id`) so A–B and B–A are one row; a dismissed pair is never proposed again, a
 * confirmed one has become a `duplicates` or `conflicts_with` relation. Deciding again updates the row.
 */
export const requirementFinderDecisions = pgTable(
  "requirement_finder_decisions",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    requirementAId: uuid("requirement_a_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    requirementBId: uuid("requirement_b_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["duplicate", "conflict"] }).notNull(),
    decision: text("decision", { enum: ["confirmed", "dismissed"] }).notNull(),
    decidedById: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    uniqueIndex("requirement_finder_decisions_pair_uq").on(t.requirementAId, t.requirementBId, t.kind),
    index("requirement_finder_decisions_project_idx").on(t.projectId),
    check("requirement_finder_decisions_order_ck", sql`${t.requirementAId} < ${t.requirementBId}`),
    check("requirement_finder_decisions_kind_ck", sql`${t.kind} in ('duplicate','conflict')`),
    check("requirement_finder_decisions_decision_ck", sql`${t.decision} in ('confirmed','dismissed')`),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Prioritisation, client confirmation, scope baselines and change control (issue 4; docs/requirements.md).
// ---------------------------------------------------------------------------------------------------------------

/** The scoring model a project ranks its requirements by, beside MoSCoW. One row per project; none = MoSCoW only. */
export const requirementScoringModels = pgTable(
  "requirement_scoring_models",
  {
    projectId: uuid("project_id")
      .primaryKey()
      .references(() => projects.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
    model: text("model", { enum: ["none", "rice", "wsjf", "weighted"] }).notNull().default("none"),
    /** The weighted model's criteria (id, name, weight); kept when another model is chosen. */
    criteria: jsonb("criteria").$type<ScoringCriterion[]>().notNull().default([]),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [check("requirement_scoring_models_model_ck", sql`${t.model} in ('none','rice','wsjf','weighted')`)],
);

/**
 * A client contact's answer to "is this what you need?": approved, or a request for clarification with a comment.
 * Append-only; `requirement_version` is the version the contact was shown.
 */
export const requirementConfirmations = pgTable(
  "requirement_confirmations",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    requirementVersion: integer("requirement_version").notNull(),
    decision: text("decision", { enum: ["approved", "clarification_requested"] }).notNull(),
    comment: text("comment").notNull().default(""),
    contactId: uuid("contact_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("requirement_confirmations_requirement_idx").on(t.requirementId, t.createdAt),
    index("requirement_confirmations_project_idx").on(t.projectId, t.createdAt),
    check("requirement_confirmations_decision_ck", sql`${t.decision} in ('approved','clarification_requested')`),
    check(
      "requirement_confirmations_comment_ck",
      sql`${t.decision} <> 'clarification_requested' or coalesce(btrim(${t.comment}), '') <> ''`,
    ),
  ],
);

/**
 * A named, immutable snapshot of a project's agreed scope (`BL-n`). Rows are only ever inserted; nothing updates or
 * deletes them (the service has no such operation, and a test checks that).
 */
export const baselines = pgTable(
  "baselines",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Set when the baseline was made by applying an approved change request. */
    changeRequestId: uuid("change_request_id"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("baselines_project_number_uq").on(t.projectId, t.number),
    check("baselines_number_ck", sql`${t.number} > 0`),
  ],
);

/** One requirement as it stood in a baseline: its key, version and full snapshot. */
export const baselineRequirements = pgTable(
  "baseline_requirements",
  {
    baselineId: uuid("baseline_id")
      .notNull()
      .references(() => baselines.id, { onDelete: "cascade" }),
    requirementId: uuid("requirement_id")
      .notNull()
      .references(() => requirements.id, { onDelete: "cascade" }),
    requirementNumber: integer("requirement_number").notNull(),
    requirementVersion: integer("requirement_version").notNull(),
    snapshot: jsonb("snapshot").$type<RequirementSnapshot>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.baselineId, t.requirementId] }), index("baseline_requirements_requirement_idx").on(t.requirementId)],
);

/**
 * A request to change baselined scope (`CR-n`): what changes (its items), why, the impact, and two decisions — the
 * project manager's and the client contact's. Approved by both, it is applied: the register changes and a new
 * baseline is taken (`resulting_baseline_id`).
 */
export const changeRequests = pgTable(
  "change_requests",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown: what changes and why. */
    description: text("description").notNull().default(""),
    reason: text("reason").notNull().default(""),
    status: text("status", { enum: ["draft", "submitted", "approved", "rejected", "withdrawn"] }).notNull().default("draft"),
    impactEffortHours: doublePrecision("impact_effort_hours"),
    impactDays: doublePrecision("impact_days"),
    impactCost: numeric("impact_cost", { precision: 14, scale: 2, mode: "number" }),
    currency: text("currency").notNull().default("CNY"),
    managerDecision: text("manager_decision", { enum: ["approved", "rejected"] }),
    managerDecidedById: uuid("manager_decided_by_id").references(() => users.id),
    managerDecidedAt: timestamp("manager_decided_at", { withTimezone: true, mode: "date", precision: 3 }),
    managerComment: text("manager_comment").notNull().default(""),
    clientDecision: text("client_decision", { enum: ["approved", "rejected"] }),
    clientDecidedById: uuid("client_decided_by_id").references(() => users.id),
    clientDecidedAt: timestamp("client_decided_at", { withTimezone: true, mode: "date", precision: 3 }),
    clientComment: text("client_comment").notNull().default(""),
    appliedAt: timestamp("applied_at", { withTimezone: true, mode: "date", precision: 3 }),
    resultingBaselineId: uuid("resulting_baseline_id").references(() => baselines.id),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("change_requests_project_number_uq").on(t.projectId, t.number),
    index("change_requests_project_status_idx").on(t.projectId, t.status),
    check("change_requests_number_ck", sql`${t.number} > 0`),
    check("change_requests_status_ck", sql`${t.status} in ('draft','submitted','approved','rejected','withdrawn')`),
    check("change_requests_manager_decision_ck", sql`${t.managerDecision} is null or ${t.managerDecision} in ('approved','rejected')`),
    check("change_requests_client_decision_ck", sql`${t.clientDecision} is null or ${t.clientDecision} in ('approved','rejected')`),
    check(
      "change_requests_impact_ck",
      sql`coalesce(${t.impactEffortHours}, 0) >= 0 and coalesce(${t.impactDays}, 0) >= 0 and coalesce(${t.impactCost}, 0) >= 0`,
    ),
  ],
);

/**
 * One change of a change request: add a requirement (`proposed` holds it), modify one (`proposed` holds the new
 * content), or remove one from scope. `result_requirement_id` is the requirement an `add` created when applied.
 */
export const changeRequestItems = pgTable(
  "change_request_items",
  {
    id: id(),
    changeRequestId: uuid("change_request_id")
      .notNull()
      .references(() => changeRequests.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    action: text("action", { enum: ["add", "modify", "remove"] }).notNull(),
    requirementId: uuid("requirement_id").references(() => requirements.id),
    proposed: jsonb("proposed").$type<ChangeRequestProposedContent>(),
    resultRequirementId: uuid("result_requirement_id").references(() => requirements.id),
  },
  (t) => [
    index("change_request_items_cr_idx").on(t.changeRequestId, t.position),
    index("change_request_items_requirement_idx").on(t.requirementId),
    check("change_request_items_action_ck", sql`${t.action} in ('add','modify','remove')`),
    check(
      "change_request_items_refs_ck",
      sql`case ${t.action}
            when 'add' then ${t.requirementId} is null and ${t.proposed} is not null
            when 'modify' then ${t.requirementId} is not null and ${t.proposed} is not null
            else ${t.requirementId} is not null end`,
    ),
  ],
);

/** The content a change request proposes for a requirement (add: the new one; modify: its new content). */
export type ChangeRequestProposedContent = {
  title: string;
  description: string;
  type: RequirementSnapshot["type"];
  acceptanceCriteria: { id: string; text: string }[];
  moscow: RequirementSnapshot["moscow"];
};

// ---------------------------------------------------------------------------------------------------------------
// Planning (issue 5; docs/planning.md): a project's WBS (tasks in an outline), the dependencies between them and
// the project's working calendar. The schedule columns of `plan_tasks` (`wbs_code`, `is_summary`, `calc_*`) are
// derived: the planning module recomputes them in the transaction of every change and writes only rows that moved.
// ---------------------------------------------------------------------------------------------------------------
// Imported here so the planning block stays self-contained (imports are hoisted).
import { foreignKey } from "drizzle-orm/pg-core";

/** A working interval as the calendar engine stores it: minutes of the day, start inclusive, end exclusive. */
export type PlanCalendarInterval = { start: number; end: number };
/** A calendar exception: the days `from`..`to` worked with `intervals`, or off when `intervals` is empty. */
export type PlanCalendarException = { from: string; to?: string; intervals: PlanCalendarInterval[]; name?: { zh?: string; en?: string } };
/** A violation the scheduler reported for a task: a constraint it could not keep, a missed deadline, a late manual start. */
export type PlanTaskViolation = { kind: string; byDays: number };

export const planTasks = pgTable(
  "plan_tasks",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    /** The summary task above this one; null at the top of the outline. */
    parentId: uuid("parent_id"),
    /** 0-based order among the siblings under the same parent, without gaps. */
    position: integer("position").notNull(),
    name: text("name").notNull(),
    notes: text("notes").notNull().default(""),
    /** Working days, two decimals (0.5 = half a day); 0 is a milestone. Ignored while the task is a summary. */
    durationDays: numeric("duration_days", { precision: 10, scale: 2, mode: "number" }).notNull().default(1),
    schedulingMode: text("scheduling_mode", { enum: ["auto", "manual"] }).notNull().default("auto"),
    /** A manually scheduled task's start (its finish follows from its duration on the project calendar). */
    manualStart: date("manual_start", { mode: "string" }),
    constraintType: text("constraint_type", { enum: ["ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO"] }).notNull().default("ASAP"),
    constraintDate: date("constraint_date", { mode: "string" }),
    deadline: date("deadline", { mode: "string" }),
    percentComplete: integer("percent_complete").notNull().default(0),
    /** When the task last reached 100 %; null while unfinished. On-time completion (performance evaluation) compares it with the due date. */
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date", precision: 3 }),
    workHours: numeric("work_hours", { precision: 12, scale: 2, mode: "number" }).notNull().default(0),
    fixedCost: numeric("fixed_cost", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** Levelling priority as in MS Project: 0–1000, higher is placed first, 1000 is never delayed. */
    priority: integer("priority").notNull().default(500),
    /**
     * Set only by resource levelling: the day levelling makes the task start no earlier than (MS Project's levelling
     * delay, as a date). Cleared by "clear levelling"; the scheduler treats it as one more start-no-earlier-than.
     */
    levellingStart: date("levelling_start", { mode: "string" }),
    /**
     * The task's column on the project's board (`task_statuses`); null until it is first moved: the workflow's first
     * "to do" column. Moving to a "done" column completes the task (100 %), so the board and the Gantt agree.
     */
    statusId: uuid("status_id").references(() => taskStatuses.id, { onDelete: "set null" }),
    /** Order within the board column (fractional, so a move writes one row); ties by WBS order. */
    boardPosition: doublePrecision("board_position").notNull().default(0),
    /** The original estimate and the work left, in hours; null until someone estimates. */
    estimateHours: numeric("estimate_hours", { precision: 10, scale: 2, mode: "number" }),
    remainingHours: numeric("remaining_hours", { precision: 10, scale: 2, mode: "number" }),
    checklist: jsonb("checklist").$type<{ id: string; text: string; done: boolean }[]>().notNull().default([]),
    // Derived by the scheduler (never written by a request).
    wbsCode: text("wbs_code").notNull().default(""),
    isSummary: boolean("is_summary").notNull().default(false),
    calcStart: date("calc_start", { mode: "string" }),
    calcFinish: date("calc_finish", { mode: "string" }),
    calcEarlyStart: date("calc_early_start", { mode: "string" }),
    calcEarlyFinish: date("calc_early_finish", { mode: "string" }),
    calcLateStart: date("calc_late_start", { mode: "string" }),
    calcLateFinish: date("calc_late_finish", { mode: "string" }),
    /** Start and finish in working days from the plan's day 0 (fractional), for charts drawn to the hour. */
    calcStartDay: doublePrecision("calc_start_day"),
    calcFinishDay: doublePrecision("calc_finish_day"),
    calcTotalFloatDays: doublePrecision("calc_total_float_days"),
    calcCritical: boolean("calc_critical").notNull().default(false),
    /** The duration, work, cost and % complete as scheduled: the task's own, or rolled up for a summary. */
    calcDurationDays: doublePrecision("calc_duration_days"),
    calcWorkHours: doublePrecision("calc_work_hours"),
    calcCost: doublePrecision("calc_cost"),
    calcPercentComplete: doublePrecision("calc_percent_complete"),
    calcViolations: jsonb("calc_violations").$type<PlanTaskViolation[]>().notNull().default([]),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    foreignKey({ name: "plan_tasks_parent_fk", columns: [t.parentId], foreignColumns: [t.id] }).onDelete("cascade"),
    index("plan_tasks_project_idx").on(t.projectId, t.parentId, t.position),
    index("plan_tasks_parent_idx").on(t.parentId),
    check("plan_tasks_parent_ck", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check("plan_tasks_position_ck", sql`${t.position} >= 0`),
    check("plan_tasks_duration_ck", sql`${t.durationDays} >= 0`),
    check("plan_tasks_mode_ck", sql`${t.schedulingMode} in ('auto','manual') and ((${t.schedulingMode} = 'manual') = (${t.manualStart} is not null))`),
    check(
      "plan_tasks_constraint_ck",
      sql`${t.constraintType} in ('ASAP','ALAP','SNET','SNLT','FNET','FNLT','MSO','MFO') and ((${t.constraintType} in ('ASAP','ALAP')) = (${t.constraintDate} is null))`,
    ),
    check("plan_tasks_amounts_ck", sql`${t.percentComplete} between 0 and 100 and ${t.workHours} >= 0 and ${t.fixedCost} >= 0`),
    check("plan_tasks_priority_ck", sql`${t.priority} between 0 and 1000`),
    check("plan_tasks_hours_ck", sql`(${t.estimateHours} is null or ${t.estimateHours} >= 0) and (${t.remainingHours} is null or ${t.remainingHours} >= 0)`),
    index("plan_tasks_status_idx").on(t.projectId, t.statusId),
  ],
);

/** "successor depends on predecessor": FS, SS, FF or SF with a lag in working days (negative: a lead). */
export const planDependencies = pgTable(
  "plan_dependencies",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    predecessorId: uuid("predecessor_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    successorId: uuid("successor_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    type: text("type", { enum: ["FS", "SS", "FF", "SF"] }).notNull().default("FS"),
    lagDays: numeric("lag_days", { precision: 10, scale: 2, mode: "number" }).notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("plan_dependencies_pair_uq").on(t.predecessorId, t.successorId),
    index("plan_dependencies_successor_idx").on(t.successorId),
    index("plan_dependencies_project_idx").on(t.projectId),
    check("plan_dependencies_self_ck", sql`${t.predecessorId} <> ${t.successorId}`),
    check("plan_dependencies_type_ck", sql`${t.type} in ('FS','SS','FF','SF')`),
  ],
);

/**
 * A project's working calendar (one row per project; none until the plan is first changed or the calendar saved):
 * the weekly pattern, the holiday sets followed ("cn": mainland China with its make-up working days) and the
 * project's own exceptions. `scheduled_basis` records what the stored schedule was computed from (plan start,
 * calendar version, holiday data), so a read can tell when it must be recomputed.
 */
export const projectCalendars = pgTable("project_calendars", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  workspaceId: workspaceRef(),
  /** Working intervals per weekday (`mon` … `sun`); an empty list is a day off. */
  week: jsonb("week").$type<Record<string, PlanCalendarInterval[]>>().notNull(),
  holidaySets: jsonb("holiday_sets").$type<string[]>().notNull().default([]),
  exceptions: jsonb("exceptions").$type<PlanCalendarException[]>().notNull().default([]),
  scheduledBasis: text("scheduled_basis").notNull().default(""),
  updatedById: uuid("updated_by_id").references(() => users.id),
  updatedAt: updatedAt(),
  version: version(),
});

// ---------------------------------------------------------------------------------------------------------------
// Risk register (issue 5, planning; docs/risks.md): a project's risks (`RISK-n`) on the 5×5 probability × impact
// matrix, and their append-only review history. The score and level are computed by the engine
// (`riskAssessment`), never stored. Links to requirements (and later tasks) are generic trace links
// (`from_type = 'risk'`, kind `threatens`).
// ---------------------------------------------------------------------------------------------------------------

export const risks = pgTable(
  "risks",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    /** The n of `RISK-n`: allocated as max + 1 while the project row is locked, unique per project. */
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    category: text("category", { enum: ["technical", "schedule", "cost", "scope", "resource", "stakeholder", "security", "vendor", "other"] })
      .notNull()
      .default("other"),
    /** 1 (very low) to 5 (very high). */
    probability: integer("probability").notNull(),
    impact: integer("impact").notNull(),
    strategy: text("strategy", { enum: ["avoid", "mitigate", "transfer", "accept"] }).notNull().default("mitigate"),
    /** Markdown: what the team does about it, by when. */
    responsePlan: text("response_plan").notNull().default(""),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** The early warning sign that the risk is about to happen. */
    trigger: text("trigger").notNull().default(""),
    /** When the risk is to be looked at next; overdue once past (unless closed). */
    reviewDate: date("review_date", { mode: "string" }),
    status: text("status", { enum: ["open", "monitoring", "occurred", "closed"] }).notNull().default("open"),
    /** Why it was closed (required then), or the note of the last status change. */
    statusReason: text("status_reason"),
    /** Shown to the project's client contacts in the portal (read-only). */
    sharedWithClient: boolean("shared_with_client").notNull().default(false),
    /** `kind/id` of the default risk it was added from (`risk_catalogue`), so the defaults are added once. */
    templateKey: text("template_key"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("risks_project_number_uq").on(t.projectId, t.number),
    uniqueIndex("risks_project_template_uq").on(t.projectId, t.templateKey).where(sql`${t.templateKey} is not null`),
    index("risks_project_status_idx").on(t.projectId, t.status),
    index("risks_owner_idx").on(t.ownerId),
    check("risks_number_ck", sql`${t.number} > 0`),
    check("risks_ratings_ck", sql`${t.probability} between 1 and 5 and ${t.impact} between 1 and 5`),
    check("risks_category_ck", sql`${t.category} in ('technical','schedule','cost','scope','resource','stakeholder','security','vendor','other')`),
    check("risks_strategy_ck", sql`${t.strategy} in ('avoid','mitigate','transfer','accept')`),
    check("risks_status_ck", sql`${t.status} in ('open','monitoring','occurred','closed')`),
    check("risks_reason_ck", sql`${t.status} <> 'closed' or coalesce(btrim(${t.statusReason}), '') <> ''`),
  ],
);

/**
 * A risk's review history, append-only: the first assessment (`*_before` null), every change of probability, impact
 * or status (before → after), and reviews that changed nothing (before = after) — each with who, when, an optional
 * note and the next review date set then. Exposure over time is rebuilt from it.
 */
export const riskReviews = pgTable(
  "risk_reviews",
  {
    id: id(),
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id, { onDelete: "cascade" }),
    projectId: projectRef("cascade"),
    reviewedById: uuid("reviewed_by_id").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
    /** The risk's version after this entry. */
    riskVersion: integer("risk_version").notNull(),
    probabilityBefore: integer("probability_before"),
    probabilityAfter: integer("probability_after").notNull(),
    impactBefore: integer("impact_before"),
    impactAfter: integer("impact_after").notNull(),
    statusBefore: text("status_before", { enum: ["open", "monitoring", "occurred", "closed"] }),
    statusAfter: text("status_after", { enum: ["open", "monitoring", "occurred", "closed"] }).notNull(),
    note: text("note").notNull().default(""),
    nextReviewDate: date("next_review_date", { mode: "string" }),
  },
  (t) => [
    index("risk_reviews_risk_idx").on(t.riskId, t.reviewedAt),
    index("risk_reviews_project_idx").on(t.projectId, t.reviewedAt),
    check(
      "risk_reviews_ratings_ck",
      sql`${t.probabilityAfter} between 1 and 5 and ${t.impactAfter} between 1 and 5 and coalesce(${t.probabilityBefore}, 1) between 1 and 5 and coalesce(${t.impactBefore}, 1) between 1 and 5`,
    ),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// Planning, continued (issue 5; docs/planning.md): the project's resources and their assignments to tasks, plan
// baselines (immutable snapshots of the schedule for variance) and the tokens of subscribable milestone feeds.
// ---------------------------------------------------------------------------------------------------------------

/**
 * A resource of a project's plan: a person or piece of equipment paid by time (`work`, with max units and a cost
 * per hour), a consumable (`material`, in `material_label` units per day, cost per unit in `cost_per_hour`), or a
 * fixed amount per assignment (`cost`). A work resource may be a workspace user (`user_id`); its calendar is the
 * project's plus its own `exceptions` (leave, training days).
 */
export const planResources = pgTable(
  "plan_resources",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["work", "material", "cost"] }).notNull().default("work"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    role: text("role").notNull().default(""),
    /** Units available per working day: 1 = one person full time, 0.5 half time, 3 a team of three. */
    maxUnits: numeric("max_units", { precision: 8, scale: 3, mode: "number" }).notNull().default(1),
    /** Per hour for a work resource, per unit for a material; in the project's currency. */
    costPerHour: numeric("cost_per_hour", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    /** Per assignment, whatever its length (a cost resource's whole cost). */
    costPerUse: numeric("cost_per_use", { precision: 14, scale: 2, mode: "number" }).notNull().default(0),
    /** A material's unit ("t", "licence"). */
    materialLabel: text("material_label").notNull().default(""),
    /** Days this resource does not work (or works differently) on top of the project calendar. */
    exceptions: jsonb("exceptions").$type<PlanCalendarException[]>().notNull().default([]),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("plan_resources_project_name_uq").on(t.projectId, t.name),
    index("plan_resources_user_idx").on(t.userId),
    check("plan_resources_kind_ck", sql`${t.kind} in ('work','material','cost')`),
    check("plan_resources_amounts_ck", sql`${t.maxUnits} >= 0 and ${t.costPerHour} >= 0 and ${t.costPerUse} >= 0`),
  ],
);

/** A resource assigned to a (non-summary) task: `units` per working day of the task (a material: its quantity). */
export const planAssignments = pgTable(
  "plan_assignments",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    taskId: uuid("task_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => planResources.id, { onDelete: "cascade" }),
    units: numeric("units", { precision: 10, scale: 3, mode: "number" }).notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("plan_assignments_task_resource_uq").on(t.taskId, t.resourceId),
    index("plan_assignments_resource_idx").on(t.resourceId),
    index("plan_assignments_project_idx").on(t.projectId),
    check("plan_assignments_units_ck", sql`${t.units} >= 0`),
  ],
);

/**
 * A plan baseline (`PB-n` within the project): an immutable snapshot of every task's schedule, work and cost at the
 * moment it was saved, to measure variance against. Several per project; never edited (only deleted).
 */
export const planBaselines = pgTable(
  "plan_baselines",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    /** The n of `PB-n`: allocated as max + 1 while the project row is locked. */
    number: integer("number").notNull(),
    name: text("name").notNull(),
    note: text("note").notNull().default(""),
    /** The project finish, total work and cost when saved (for the list, without reading the tasks). */
    finish: date("finish", { mode: "string" }),
    workHours: doublePrecision("work_hours").notNull().default(0),
    cost: doublePrecision("cost").notNull().default(0),
    taskCount: integer("task_count").notNull().default(0),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("plan_baselines_project_number_uq").on(t.projectId, t.number), check("plan_baselines_number_ck", sql`${t.number} > 0`)],
);

/**
 * One task as it was in a plan baseline. `task_id` is not a foreign key: a task deleted since still shows in the
 * comparison as removed.
 */
export const planBaselineTasks = pgTable(
  "plan_baseline_tasks",
  {
    baselineId: uuid("baseline_id")
      .notNull()
      .references(() => planBaselines.id, { onDelete: "cascade" }),
    taskId: uuid("task_id").notNull(),
    wbsCode: text("wbs_code").notNull(),
    name: text("name").notNull(),
    isSummary: boolean("is_summary").notNull().default(false),
    start: date("start", { mode: "string" }),
    finish: date("finish", { mode: "string" }),
    startDay: doublePrecision("start_day"),
    finishDay: doublePrecision("finish_day"),
    durationDays: doublePrecision("duration_days"),
    workHours: doublePrecision("work_hours"),
    cost: doublePrecision("cost"),
  },
  (t) => [primaryKey({ columns: [t.baselineId, t.taskId] })],
);

// ---- Execution (issue 6): the board, time and meetings --------------------------------------------------------------

/**
 * A column of a project's task board: its workflow, in order. `category` is what the column means for progress
 * (to do / in progress / done); `wipLimit` caps the tasks in it (null: no limit). A project gets the default
 * workflow the first time its board is read.
 */
export const taskStatuses = pgTable(
  "task_statuses",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    name: text("name").notNull(),
    category: text("category", { enum: ["todo", "in_progress", "done"] }).notNull(),
    position: integer("position").notNull(),
    wipLimit: integer("wip_limit"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("task_statuses_project_idx").on(t.projectId, t.position),
    uniqueIndex("task_statuses_project_name_uq").on(t.projectId, t.name),
    check("task_statuses_category_ck", sql`${t.category} in ('todo','in_progress','done')`),
    check("task_statuses_wip_ck", sql`${t.wipLimit} is null or ${t.wipLimit} > 0`),
  ],
);

/** The people working on a task (the board's assignees; plan resources are for load and cost). */
export const planTaskAssignees = pgTable(
  "plan_task_assignees",
  {
    taskId: uuid("task_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index("plan_task_assignees_user_idx").on(t.userId), index("plan_task_assignees_project_idx").on(t.projectId)],
);

/**
 * A person's week of time (Monday `weekStart`): draft while they log, then submitted; each project's part is
 * approved or rejected by that project's manager (`timesheet_projects`). `status` sums the parts up.
 */
export const timesheets = pgTable(
  "timesheets",
  {
    id: id(),
    workspaceId: workspaceRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekStart: date("week_start", { mode: "string" }).notNull(),
    status: text("status", { enum: ["draft", "submitted", "approved", "rejected"] }).notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("timesheets_user_week_uq").on(t.userId, t.weekStart),
    check("timesheets_status_ck", sql`${t.status} in ('draft','submitted','approved','rejected')`),
    check("timesheets_monday_ck", sql`extract(isodow from ${t.weekStart}) = 1`),
  ],
);

/** One project's part of a submitted timesheet, decided by the project's manager. */
export const timesheetProjects = pgTable(
  "timesheet_projects",
  {
    timesheetId: uuid("timesheet_id")
      .notNull()
      .references(() => timesheets.id, { onDelete: "cascade" }),
    projectId: projectRef("cascade"),
    workspaceId: workspaceRef(),
    status: text("status", { enum: ["submitted", "approved", "rejected"] }).notNull().default("submitted"),
    minutes: integer("minutes").notNull().default(0),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date", precision: 3 }),
    note: text("note").notNull().default(""),
    version: version(),
  },
  (t) => [
    primaryKey({ columns: [t.timesheetId, t.projectId] }),
    index("timesheet_projects_project_idx").on(t.projectId, t.status),
    check("timesheet_projects_status_ck", sql`${t.status} in ('submitted','approved','rejected')`),
  ],
);

/**
 * Time a person spent on a project (on one of its tasks, or on the project in general), for a day. Locked while
 * its week's part is submitted or approved. `costPerHour` is the rate fixed when the part is approved: approved
 * minutes × rate are the project's actual cost.
 */
export const timeEntries = pgTable(
  "time_entries",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    taskId: uuid("task_id").references(() => planTasks.id, { onDelete: "set null" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workDate: date("work_date", { mode: "string" }).notNull(),
    minutes: integer("minutes").notNull(),
    note: text("note").notNull().default(""),
    source: text("source", { enum: ["manual", "timer"] }).notNull().default("manual"),
    costPerHour: numeric("cost_per_hour", { precision: 14, scale: 2, mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("time_entries_user_date_idx").on(t.userId, t.workDate),
    index("time_entries_project_date_idx").on(t.projectId, t.workDate),
    index("time_entries_task_idx").on(t.taskId),
    check("time_entries_minutes_ck", sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
    check("time_entries_source_ck", sql`${t.source} in ('manual','timer')`),
  ],
);

/** A person's running timer (at most one): stopping it writes a time entry. */
export const runningTimers = pgTable("running_timers", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  workspaceId: workspaceRef(),
  projectId: projectRef("cascade"),
  taskId: uuid("task_id").references(() => planTasks.id, { onDelete: "set null" }),
  note: text("note").notNull().default(""),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
});

/**
 * A meeting of a project (`MTG-n`): kick-off, weekly status, client review or ad hoc. A recurring one carries its
 * RRULE; an occurrence that is held becomes its own row (`seriesId`, `occurrenceStart`) with its own minutes.
 * Client contacts see a meeting's minutes when it is shared with the client.
 */
export const meetings = pgTable(
  "meetings",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    number: integer("number").notNull(),
    kind: text("kind", { enum: ["kickoff", "weekly_status", "client_review", "ad_hoc"] }).notNull(),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date", precision: 3 }).notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    /** The IANA zone the meeting is planned in (recurrences follow its wall clock). */
    timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
    location: text("location").notNull().default(""),
    rrule: text("rrule"),
    seriesId: uuid("series_id"),
    occurrenceStart: timestamp("occurrence_start", { withTimezone: true, mode: "date", precision: 3 }),
    agenda: text("agenda").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    status: text("status", { enum: ["scheduled", "held", "cancelled"] }).notNull().default("scheduled"),
    sharedWithClient: boolean("shared_with_client").notNull().default(false),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    foreignKey({ name: "meetings_series_fk", columns: [t.seriesId], foreignColumns: [t.id] }).onDelete("set null"),
    uniqueIndex("meetings_project_number_uq").on(t.projectId, t.number),
    uniqueIndex("meetings_series_occurrence_uq").on(t.seriesId, t.occurrenceStart),
    index("meetings_project_starts_idx").on(t.projectId, t.startsAt),
    check("meetings_kind_ck", sql`${t.kind} in ('kickoff','weekly_status','client_review','ad_hoc')`),
    check("meetings_status_ck", sql`${t.status} in ('scheduled','held','cancelled')`),
    check("meetings_duration_ck", sql`${t.durationMinutes} > 0 and ${t.durationMinutes} <= 1440`),
    // An occurrence names its start; one whose series was deleted keeps it (and restore fills series_id last).
    check("meetings_occurrence_ck", sql`${t.seriesId} is null or ${t.occurrenceStart} is not null`),
  ],
);

/** Who is invited (team members and client contacts) and, once held, who came. */
export const meetingAttendees = pgTable(
  "meeting_attendees",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: workspaceRef(),
    required: boolean("required").notNull().default(true),
    attended: boolean("attended"),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index("meeting_attendees_user_idx").on(t.userId)],
);

/** A decision or an action item of a meeting; an action item becomes a plan task (`taskId`) with owner and due date. */
export const meetingItems = pgTable(
  "meeting_items",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["decision", "action"] }).notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    dueDate: date("due_date", { mode: "string" }),
    taskId: uuid("task_id").references(() => planTasks.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("meeting_items_meeting_idx").on(t.meetingId, t.position),
    index("meeting_items_task_idx").on(t.taskId),
    check("meeting_items_kind_ck", sql`${t.kind} in ('decision','action')`),
  ],
);

/**
 * The project's progress as of a status date (one row per project and day, rewritten while the day lasts): the
 * earned-value totals and, in `detail`, each phase's figures, each milestone's forecast finish and the remaining
 * work, so the S-curve, burndown and milestone trend can be drawn for past dates. Amounts in the project's currency.
 */
export const progressSnapshots = pgTable(
  "progress_snapshots",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    asOf: date("as_of", { mode: "string" }).notNull(),
    /** The baseline the planned value was measured against; null: the current plan. */
    baselineId: uuid("baseline_id").references(() => planBaselines.id, { onDelete: "set null" }),
    plannedValue: doublePrecision("planned_value").notNull(),
    earnedValue: doublePrecision("earned_value").notNull(),
    actualCost: doublePrecision("actual_cost").notNull(),
    budgetAtCompletion: doublePrecision("budget_at_completion").notNull(),
    percentComplete: doublePrecision("percent_complete").notNull(),
    detail: jsonb("detail")
      .$type<{
        phases: { taskId: string; plannedValue: number; earnedValue: number; actualCost: number; workHours: number; remainingHours: number }[];
        milestones: { taskId: string; finish: string | null }[];
      }>()
      .notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("progress_snapshots_project_day_uq").on(t.projectId, t.asOf)],
);

// ---- Monitoring (issue 6, second part): status reports, quality, notifications --------------------------------------

type StatusReportDimension = { rag: "green" | "amber" | "red"; rule: string; note: string };

/**
 * A status report for a period (`SR-n`): generated from the project's data as a draft (RAG per dimension with the rule
 * that set it, progress, milestones, top risks, open change requests — frozen in `content` when generated), edited,
 * then published to the client portal. Published reports never change.
 */
export const statusReports = pgTable(
  "status_reports",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    number: integer("number").notNull(),
    periodFrom: date("period_from", { mode: "string" }).notNull(),
    periodTo: date("period_to", { mode: "string" }).notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: ["draft", "published"] }).notNull().default("draft"),
    overall: text("overall", { enum: ["green", "amber", "red"] }).notNull(),
    dimensions: jsonb("dimensions").$type<Record<"scope" | "schedule" | "cost" | "quality" | "risk", StatusReportDimension>>().notNull(),
    /** The figures as generated (progress, EV indicators, milestones, risks, change requests): what the report shows. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    summary: text("summary").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    /** Who made it: a person, or the weekly schedule. */
    generatedBy: text("generated_by", { enum: ["person", "schedule"] }).notNull().default("person"),
    createdById: uuid("created_by_id").references(() => users.id),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date", precision: 3 }),
    publishedById: uuid("published_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("status_reports_project_number_uq").on(t.projectId, t.number),
    index("status_reports_project_period_idx").on(t.projectId, t.periodTo),
    check("status_reports_status_ck", sql`${t.status} in ('draft','published')`),
    check("status_reports_overall_ck", sql`${t.overall} in ('green','amber','red')`),
    check("status_reports_period_ck", sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

/** A project's weekly report schedule: on `weekday` (1 = Monday) at `time` in `timeZone`, a draft is generated. */
export const statusReportSchedules = pgTable("status_report_schedules", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  workspaceId: workspaceRef(),
  enabled: boolean("enabled").notNull().default(true),
  weekday: integer("weekday").notNull().default(5),
  time: text("time").notNull().default("17:00"),
  timeZone: text("time_zone").notNull().default("Asia/Shanghai"),
  /** Generate and publish at once (otherwise a draft waits for the manager). */
  publish: boolean("publish").notNull().default(false),
  lastRunAt: timestamp("last_run_at", { withTimezone: true, mode: "date", precision: 3 }),
  updatedById: uuid("updated_by_id").references(() => users.id),
  updatedAt: updatedAt(),
  version: version(),
});

/**
 * A quality gate of a phase (a top-level summary task): a checklist with evidence. A phase cannot be closed (its
 * tasks set to 100 %) while its gate is open, unless the gate is waived with a reason.
 */
export const qualityGates = pgTable(
  "quality_gates",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    phaseTaskId: uuid("phase_task_id")
      .notNull()
      .references(() => planTasks.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: text("status", { enum: ["open", "passed", "waived"] }).notNull().default("open"),
    waiverReason: text("waiver_reason").notNull().default(""),
    decidedById: uuid("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("quality_gates_phase_uq").on(t.phaseTaskId),
    index("quality_gates_project_idx").on(t.projectId),
    check("quality_gates_status_ck", sql`${t.status} in ('open','passed','waived')`),
    check("quality_gates_waiver_ck", sql`${t.status} <> 'waived' or length(${t.waiverReason}) > 0`),
  ],
);

/** One check of a gate, ticked with its evidence (a note or a link; files go through attachments). */
export const qualityGateItems = pgTable(
  "quality_gate_items",
  {
    id: id(),
    workspaceId: workspaceRef(),
    gateId: uuid("gate_id")
      .notNull()
      .references(() => qualityGates.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    done: boolean("done").notNull().default(false),
    evidence: text("evidence").notNull().default(""),
    checkedById: uuid("checked_by_id").references(() => users.id, { onDelete: "set null" }),
    checkedAt: timestamp("checked_at", { withTimezone: true, mode: "date", precision: 3 }),
    version: version(),
  },
  (t) => [index("quality_gate_items_gate_idx").on(t.gateId, t.position)],
);

/** A test case (`TC-n`) of a project, usually verifying a requirement; its last run's result. */
export const testCases = pgTable(
  "test_cases",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    steps: text("steps").notNull().default(""),
    expected: text("expected").notNull().default(""),
    requirementId: uuid("requirement_id").references(() => requirements.id, { onDelete: "set null" }),
    status: text("status", { enum: ["not_run", "passed", "failed", "blocked"] }).notNull().default("not_run"),
    lastRunAt: timestamp("last_run_at", { withTimezone: true, mode: "date", precision: 3 }),
    lastRunById: uuid("last_run_by_id").references(() => users.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("test_cases_project_number_uq").on(t.projectId, t.number),
    index("test_cases_requirement_idx").on(t.requirementId),
    check("test_cases_status_ck", sql`${t.status} in ('not_run','passed','failed','blocked')`),
  ],
);

/** A defect (`DEF-n`): severity, status, the requirement and test case it concerns, who fixes it. */
export const defects = pgTable(
  "defects",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    severity: text("severity", { enum: ["critical", "major", "minor", "trivial"] }).notNull(),
    status: text("status", { enum: ["open", "in_progress", "resolved", "closed", "rejected"] }).notNull().default("open"),
    requirementId: uuid("requirement_id").references(() => requirements.id, { onDelete: "set null" }),
    testCaseId: uuid("test_case_id").references(() => testCases.id, { onDelete: "set null" }),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** Raised by a client contact (seen in the portal) or by the team. */
    reportedById: uuid("reported_by_id").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date", precision: 3 }),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("defects_project_number_uq").on(t.projectId, t.number),
    index("defects_project_status_idx").on(t.projectId, t.status),
    check("defects_severity_ck", sql`${t.severity} in ('critical','major','minor','trivial')`),
    check("defects_status_ck", sql`${t.status} in ('open','in_progress','resolved','closed','rejected')`),
  ],
);

/**
 * An in-app notification for one person: assigned, mentioned, due soon, overdue, report published, … `params` holds
 * what the message needs (names, keys), so it is rendered in the reader's language. `dedupeKey` stops the periodic
 * due-soon / overdue pass from notifying twice.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    workspaceId: workspaceRef(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["assigned", "mentioned", "due_soon", "overdue", "report_published", "timesheet_decided", "action_item"] }).notNull(),
    projectId: uuid("project_id").references(() => projects.id, { onDelete: "cascade" }),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    params: jsonb("params").$type<Record<string, string | number>>().notNull().default({}),
    dedupeKey: text("dedupe_key"),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date", precision: 3 }),
    emailedAt: timestamp("emailed_at", { withTimezone: true, mode: "date", precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    uniqueIndex("notifications_dedupe_uq").on(t.userId, t.dedupeKey),
    check(
      "notifications_kind_ck",
      sql`${t.kind} in ('assigned','mentioned','due_soon','overdue','report_published','timesheet_decided','action_item')`,
    ),
  ],
);

/**
 * A client contact's satisfaction with a reporting period: 1–5 stars and a comment, given on a published status report
 * in the portal (one rating per person and report, editable). The project health score averages the last 90 days.
 */
export const clientSatisfactionRatings = pgTable(
  "client_satisfaction_ratings",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    statusReportId: uuid("status_report_id")
      .notNull()
      .references(() => statusReports.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("client_satisfaction_ratings_report_user_uq").on(t.statusReportId, t.userId),
    index("client_satisfaction_ratings_project_idx").on(t.projectId, t.createdAt),
    check("client_satisfaction_ratings_rating_ck", sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A person's secret address of a project calendar their calendar app subscribes to: `milestones` (the plan's
 * milestones and deadlines) or `meetings` (the meetings they may read). Only the token's hash is stored; a new address
 * revokes the old one. The feed shows what the owner may read when it is fetched, so leaving the project ends it.
 */
export const calendarFeedTokens = pgTable(
  "calendar_feed_tokens",
  {
    id: id(),
    workspaceId: workspaceRef(),
    projectId: projectRef("cascade"),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["milestones", "meetings"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date", precision: 3 }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date", precision: 3 }),
  },
  (t) => [
    uniqueIndex("calendar_feed_tokens_hash_uq").on(t.tokenHash),
    index("calendar_feed_tokens_project_user_idx").on(t.projectId, t.userId, t.kind),
    check("calendar_feed_tokens_kind_ck", sql`${t.kind} in ('milestones','meetings')`),
  ],
);
