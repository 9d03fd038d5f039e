CREATE TABLE "baseline_requirements" (
	"baseline_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"requirement_number" integer NOT NULL,
	"requirement_version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "baseline_requirements_baseline_id_requirement_id_pk" PRIMARY KEY("baseline_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"change_request_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "baselines_number_ck" CHECK ("baselines"."number" > 0)
);
--> statement-breakpoint
CREATE TABLE "change_request_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"change_request_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"action" text NOT NULL,
	"requirement_id" uuid,
	"proposed" jsonb,
	"result_requirement_id" uuid,
	CONSTRAINT "change_request_items_action_ck" CHECK ("change_request_items"."action" in ('add','modify','remove')),
	CONSTRAINT "change_request_items_refs_ck" CHECK (case "change_request_items"."action"
            when 'add' then "change_request_items"."requirement_id" is null and "change_request_items"."proposed" is not null
            when 'modify' then "change_request_items"."requirement_id" is not null and "change_request_items"."proposed" is not null
            else "change_request_items"."requirement_id" is not null end)
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"impact_effort_hours" double precision,
	"impact_days" double precision,
	"impact_cost" numeric(14, 2),
	"currency" text DEFAULT 'CNY' NOT NULL,
	"manager_decision" text,
	"manager_decided_by_id" uuid,
	"manager_decided_at" timestamp (3) with time zone,
	"manager_comment" text DEFAULT '' NOT NULL,
	"client_decision" text,
	"client_decided_by_id" uuid,
	"client_decided_at" timestamp (3) with time zone,
	"client_comment" text DEFAULT '' NOT NULL,
	"applied_at" timestamp (3) with time zone,
	"resulting_baseline_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "change_requests_number_ck" CHECK ("change_requests"."number" > 0),
	CONSTRAINT "change_requests_status_ck" CHECK ("change_requests"."status" in ('draft','submitted','approved','rejected','withdrawn')),
	CONSTRAINT "change_requests_manager_decision_ck" CHECK ("change_requests"."manager_decision" is null or "change_requests"."manager_decision" in ('approved','rejected')),
	CONSTRAINT "change_requests_client_decision_ck" CHECK ("change_requests"."client_decision" is null or "change_requests"."client_decision" in ('approved','rejected')),
	CONSTRAINT "change_requests_impact_ck" CHECK (coalesce("change_requests"."impact_effort_hours", 0) >= 0 and coalesce("change_requests"."impact_days", 0) >= 0 and coalesce("change_requests"."impact_cost", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "requirement_confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"requirement_version" integer NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"contact_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_confirmations_decision_ck" CHECK ("requirement_confirmations"."decision" in ('approved','clarification_requested')),
	CONSTRAINT "requirement_confirmations_comment_ck" CHECK ("requirement_confirmations"."decision" <> 'clarification_requested' or coalesce(btrim("requirement_confirmations"."comment"), '') <> '')
);
--> statement-breakpoint
CREATE TABLE "requirement_scoring_models" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"model" text DEFAULT 'none' NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "requirement_scoring_models_model_ck" CHECK ("requirement_scoring_models"."model" in ('none','rice','wsjf','weighted'))
);
--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "priority_inputs" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "baseline_requirements" ADD CONSTRAINT "baseline_requirements_baseline_id_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_requirements" ADD CONSTRAINT "baseline_requirements_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baselines" ADD CONSTRAINT "baselines_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_request_items" ADD CONSTRAINT "change_request_items_change_request_id_change_requests_id_fk" FOREIGN KEY ("change_request_id") REFERENCES "public"."change_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_request_items" ADD CONSTRAINT "change_request_items_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_request_items" ADD CONSTRAINT "change_request_items_result_requirement_id_requirements_id_fk" FOREIGN KEY ("result_requirement_id") REFERENCES "public"."requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_manager_decided_by_id_users_id_fk" FOREIGN KEY ("manager_decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_client_decided_by_id_users_id_fk" FOREIGN KEY ("client_decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_resulting_baseline_id_baselines_id_fk" FOREIGN KEY ("resulting_baseline_id") REFERENCES "public"."baselines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_confirmations" ADD CONSTRAINT "requirement_confirmations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_confirmations" ADD CONSTRAINT "requirement_confirmations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_confirmations" ADD CONSTRAINT "requirement_confirmations_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_confirmations" ADD CONSTRAINT "requirement_confirmations_contact_id_users_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_scoring_models" ADD CONSTRAINT "requirement_scoring_models_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_scoring_models" ADD CONSTRAINT "requirement_scoring_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_scoring_models" ADD CONSTRAINT "requirement_scoring_models_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "baseline_requirements_requirement_idx" ON "baseline_requirements" USING btree ("requirement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "baselines_project_number_uq" ON "baselines" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "change_request_items_cr_idx" ON "change_request_items" USING btree ("change_request_id","position");--> statement-breakpoint
CREATE INDEX "change_request_items_requirement_idx" ON "change_request_items" USING btree ("requirement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_project_number_uq" ON "change_requests" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "change_requests_project_status_idx" ON "change_requests" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "requirement_confirmations_requirement_idx" ON "requirement_confirmations" USING btree ("requirement_id","created_at");--> statement-breakpoint
CREATE INDEX "requirement_confirmations_project_idx" ON "requirement_confirmations" USING btree ("project_id","created_at");