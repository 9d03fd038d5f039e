CREATE TABLE "plan_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"resource_id" uuid NOT NULL,
	"units" numeric(10, 3) DEFAULT 1 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_assignments_units_ck" CHECK ("plan_assignments"."units" >= 0)
);
--> statement-breakpoint
CREATE TABLE "plan_baseline_tasks" (
	"baseline_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"wbs_code" text NOT NULL,
	"name" text NOT NULL,
	"is_summary" boolean DEFAULT false NOT NULL,
	"start" date,
	"finish" date,
	"start_day" double precision,
	"finish_day" double precision,
	"duration_days" double precision,
	"work_hours" double precision,
	"cost" double precision,
	CONSTRAINT "plan_baseline_tasks_baseline_id_task_id_pk" PRIMARY KEY("baseline_id","task_id")
);
--> statement-breakpoint
CREATE TABLE "plan_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"finish" date,
	"work_hours" double precision DEFAULT 0 NOT NULL,
	"cost" double precision DEFAULT 0 NOT NULL,
	"task_count" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_baselines_number_ck" CHECK ("plan_baselines"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "plan_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'work' NOT NULL,
	"user_id" uuid,
	"role" text DEFAULT '' NOT NULL,
	"max_units" numeric(8, 3) DEFAULT 1 NOT NULL,
	"cost_per_hour" numeric(14, 2) DEFAULT 0 NOT NULL,
	"cost_per_use" numeric(14, 2) DEFAULT 0 NOT NULL,
	"material_label" text DEFAULT '' NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_resources_kind_ck" CHECK ("plan_resources"."kind" in ('work','material','cost')),
	CONSTRAINT "plan_resources_amounts_ck" CHECK ("plan_resources"."max_units" >= 0 and "plan_resources"."cost_per_hour" >= 0 and "plan_resources"."cost_per_use" >= 0)
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "priority" integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "levelling_start" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "currency" text DEFAULT 'CNY' NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_resource_id_plan_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."plan_resources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_assignments" ADD CONSTRAINT "plan_assignments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_baseline_tasks" ADD CONSTRAINT "plan_baseline_tasks_baseline_id_plan_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."plan_baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_baselines" ADD CONSTRAINT "plan_baselines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_baselines" ADD CONSTRAINT "plan_baselines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_baselines" ADD CONSTRAINT "plan_baselines_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_feed_tokens" ADD CONSTRAINT "plan_feed_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_feed_tokens" ADD CONSTRAINT "plan_feed_tokens_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_feed_tokens" ADD CONSTRAINT "plan_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD CONSTRAINT "plan_resources_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD CONSTRAINT "plan_resources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD CONSTRAINT "plan_resources_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_resources" ADD CONSTRAINT "plan_resources_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_assignments_task_resource_uq" ON "plan_assignments" USING btree ("task_id","resource_id");--> statement-breakpoint
CREATE INDEX "plan_assignments_resource_idx" ON "plan_assignments" USING btree ("resource_id");--> statement-breakpoint
CREATE INDEX "plan_assignments_project_idx" ON "plan_assignments" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_baselines_project_number_uq" ON "plan_baselines" USING btree ("project_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_feed_tokens_hash_uq" ON "plan_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "plan_feed_tokens_project_user_idx" ON "plan_feed_tokens" USING btree ("project_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_resources_project_name_uq" ON "plan_resources" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "plan_resources_user_idx" ON "plan_resources" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_priority_ck" CHECK ("plan_tasks"."priority" between 0 and 1000);