CREATE TABLE "elicitation_passage_requirements" (
	"passage_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elicitation_passage_requirements_passage_id_requirement_id_pk" PRIMARY KEY("passage_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "elicitation_passages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"start_offset" integer NOT NULL,
	"end_offset" integer NOT NULL,
	"excerpt" text NOT NULL,
	"detached" boolean DEFAULT false NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elicitation_passages_range_ck" CHECK (0 <= "elicitation_passages"."start_offset" and "elicitation_passages"."start_offset" < "elicitation_passages"."end_offset")
);
--> statement-breakpoint
CREATE TABLE "elicitation_session_participants" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elicitation_session_participants_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "elicitation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp (3) with time zone NOT NULL,
	"ends_at" timestamp (3) with time zone,
	"location" text DEFAULT '' NOT NULL,
	"guests" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "elicitation_sessions_kind_ck" CHECK ("elicitation_sessions"."kind" in ('interview','focus_group','workshop')),
	CONSTRAINT "elicitation_sessions_dates_ck" CHECK ("elicitation_sessions"."ends_at" is null or "elicitation_sessions"."starts_at" <= "elicitation_sessions"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_answer_requirements" (
	"response_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"requirement_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_answer_requirements_response_id_question_id_requirement_id_pk" PRIMARY KEY("response_id","question_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_participations" (
	"questionnaire_id" uuid NOT NULL,
	"respondent_key" text NOT NULL,
	CONSTRAINT "questionnaire_participations_questionnaire_id_respondent_key_pk" PRIMARY KEY("questionnaire_id","respondent_key")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"respondent_id" uuid,
	"respondent_name" text,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "questionnaire_responses_channel_ck" CHECK ("questionnaire_responses"."channel" in ('portal','public'))
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"audience_portal" boolean DEFAULT true NOT NULL,
	"audience_public" boolean DEFAULT false NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"one_per_respondent" boolean DEFAULT true NOT NULL,
	"opens_at" timestamp (3) with time zone,
	"closes_at" timestamp (3) with time zone,
	"public_token" text,
	"public_token_hash" text,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "questionnaires_status_ck" CHECK ("questionnaires"."status" in ('draft','open','closed')),
	CONSTRAINT "questionnaires_dates_ck" CHECK ("questionnaires"."opens_at" is null or "questionnaires"."closes_at" is null or "questionnaires"."opens_at" < "questionnaires"."closes_at")
);
--> statement-breakpoint
ALTER TABLE "elicitation_passage_requirements" ADD CONSTRAINT "elicitation_passage_requirements_passage_id_elicitation_passages_id_fk" FOREIGN KEY ("passage_id") REFERENCES "public"."elicitation_passages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_passage_requirements" ADD CONSTRAINT "elicitation_passage_requirements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_passages" ADD CONSTRAINT "elicitation_passages_session_id_elicitation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."elicitation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_passages" ADD CONSTRAINT "elicitation_passages_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_session_participants" ADD CONSTRAINT "elicitation_session_participants_session_id_elicitation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."elicitation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_session_participants" ADD CONSTRAINT "elicitation_session_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_sessions" ADD CONSTRAINT "elicitation_sessions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_sessions" ADD CONSTRAINT "elicitation_sessions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elicitation_sessions" ADD CONSTRAINT "elicitation_sessions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_answer_requirements" ADD CONSTRAINT "questionnaire_answer_requirements_response_id_questionnaire_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_answer_requirements" ADD CONSTRAINT "questionnaire_answer_requirements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_participations" ADD CONSTRAINT "questionnaire_participations_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_respondent_id_users_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "elicitation_passage_requirements_requirement_idx" ON "elicitation_passage_requirements" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "elicitation_passages_session_idx" ON "elicitation_passages" USING btree ("session_id","start_offset");--> statement-breakpoint
CREATE INDEX "elicitation_session_participants_user_idx" ON "elicitation_session_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "elicitation_sessions_project_idx" ON "elicitation_sessions" USING btree ("project_id","starts_at");--> statement-breakpoint
CREATE INDEX "questionnaire_answer_requirements_requirement_idx" ON "questionnaire_answer_requirements" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_questionnaire_idx" ON "questionnaire_responses" USING btree ("questionnaire_id","submitted_at");--> statement-breakpoint
CREATE INDEX "questionnaires_project_idx" ON "questionnaires" USING btree ("project_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_public_token_hash_uq" ON "questionnaires" USING btree ("public_token_hash");