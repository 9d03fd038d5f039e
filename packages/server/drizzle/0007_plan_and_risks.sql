CREATE TABLE "plan_dependencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"predecessor_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"type" text DEFAULT 'FS' NOT NULL,
	"lag_days" numeric(10, 2) DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_dependencies_self_ck" CHECK ("plan_dependencies"."predecessor_id" <> "plan_dependencies"."successor_id"),
	CONSTRAINT "plan_dependencies_type_ck" CHECK ("plan_dependencies"."type" in ('FS','SS','FF','SF'))
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"duration_days" numeric(10, 2) DEFAULT 1 NOT NULL,
	"scheduling_mode" text DEFAULT 'auto' NOT NULL,
	"manual_start" date,
	"constraint_type" text DEFAULT 'ASAP' NOT NULL,
	"constraint_date" date,
	"deadline" date,
	"percent_complete" integer DEFAULT 0 NOT NULL,
	"work_hours" numeric(12, 2) DEFAULT 0 NOT NULL,
	"fixed_cost" numeric(14, 2) DEFAULT 0 NOT NULL,
	"owner_id" uuid,
	"wbs_code" text DEFAULT '' NOT NULL,
	"is_summary" boolean DEFAULT false NOT NULL,
	"calc_start" date,
	"calc_finish" date,
	"calc_early_start" date,
	"calc_early_finish" date,
	"calc_late_start" date,
	"calc_late_finish" date,
	"calc_start_day" double precision,
	"calc_finish_day" double precision,
	"calc_total_float_days" double precision,
	"calc_critical" boolean DEFAULT false NOT NULL,
	"calc_duration_days" double precision,
	"calc_work_hours" double precision,
	"calc_cost" double precision,
	"calc_percent_complete" double precision,
	"calc_violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_tasks_parent_ck" CHECK ("plan_tasks"."parent_id" is null or "plan_tasks"."parent_id" <> "plan_tasks"."id"),
	CONSTRAINT "plan_tasks_position_ck" CHECK ("plan_tasks"."position" >= 0),
	CONSTRAINT "plan_tasks_duration_ck" CHECK ("plan_tasks"."duration_days" >= 0),
	CONSTRAINT "plan_tasks_mode_ck" CHECK ("plan_tasks"."scheduling_mode" in ('auto','manual') and (("plan_tasks"."scheduling_mode" = 'manual') = ("plan_tasks"."manual_start" is not null))),
	CONSTRAINT "plan_tasks_constraint_ck" CHECK ("plan_tasks"."constraint_type" in ('ASAP','ALAP','SNET','SNLT','FNET','FNLT','MSO','MFO') and (("plan_tasks"."constraint_type" in ('ASAP','ALAP')) = ("plan_tasks"."constraint_date" is null))),
	CONSTRAINT "plan_tasks_amounts_ck" CHECK ("plan_tasks"."percent_complete" between 0 and 100 and "plan_tasks"."work_hours" >= 0 and "plan_tasks"."fixed_cost" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_calendars" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"week" jsonb NOT NULL,
	"holiday_sets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scheduled_basis" text DEFAULT '' NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"risk_version" integer NOT NULL,
	"probability_before" integer,
	"probability_after" integer NOT NULL,
	"impact_before" integer,
	"impact_after" integer NOT NULL,
	"status_before" text,
	"status_after" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_review_date" date,
	CONSTRAINT "risk_reviews_ratings_ck" CHECK ("risk_reviews"."probability_after" between 1 and 5 and "risk_reviews"."impact_after" between 1 and 5 and coalesce("risk_reviews"."probability_before", 1) between 1 and 5 and coalesce("risk_reviews"."impact_before", 1) between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"probability" integer NOT NULL,
	"impact" integer NOT NULL,
	"strategy" text DEFAULT 'mitigate' NOT NULL,
	"response_plan" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"trigger" text DEFAULT '' NOT NULL,
	"review_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"status_reason" text,
	"shared_with_client" boolean DEFAULT false NOT NULL,
	"template_key" text,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risks_number_ck" CHECK ("risks"."number" > 0),
	CONSTRAINT "risks_ratings_ck" CHECK ("risks"."probability" between 1 and 5 and "risks"."impact" between 1 and 5),
	CONSTRAINT "risks_category_ck" CHECK ("risks"."category" in ('technical','schedule','cost','scope','resource','stakeholder','security','vendor','other')),
	CONSTRAINT "risks_strategy_ck" CHECK ("risks"."strategy" in ('avoid','mitigate','transfer','accept')),
	CONSTRAINT "risks_status_ck" CHECK ("risks"."status" in ('open','monitoring','occurred','closed')),
	CONSTRAINT "risks_reason_ck" CHECK ("risks"."status" <> 'closed' or coalesce(btrim("risks"."status_reason"), '') <> '')
);
--> statement-breakpoint
ALTER TABLE "plan_dependencies" ADD CONSTRAINT "plan_dependencies_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_dependencies" ADD CONSTRAINT "plan_dependencies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_dependencies" ADD CONSTRAINT "plan_dependencies_predecessor_id_plan_tasks_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_dependencies" ADD CONSTRAINT "plan_dependencies_successor_id_plan_tasks_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_dependencies" ADD CONSTRAINT "plan_dependencies_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_calendars" ADD CONSTRAINT "project_calendars_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_calendars" ADD CONSTRAINT "project_calendars_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_calendars" ADD CONSTRAINT "project_calendars_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_dependencies_pair_uq" ON "plan_dependencies" USING btree ("predecessor_id","successor_id");--> statement-breakpoint
CREATE INDEX "plan_dependencies_successor_idx" ON "plan_dependencies" USING btree ("successor_id");--> statement-breakpoint
CREATE INDEX "plan_dependencies_project_idx" ON "plan_dependencies" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_project_idx" ON "plan_tasks" USING btree ("project_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "plan_tasks_parent_idx" ON "plan_tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "risk_reviews_risk_idx" ON "risk_reviews" USING btree ("risk_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "risk_reviews_project_idx" ON "risk_reviews" USING btree ("project_id","reviewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_project_number_uq" ON "risks" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_project_template_uq" ON "risks" USING btree ("project_id","template_key") WHERE "risks"."template_key" is not null;--> statement-breakpoint
CREATE INDEX "risks_project_status_idx" ON "risks" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "risks_owner_idx" ON "risks" USING btree ("owner_id");