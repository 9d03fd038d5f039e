CREATE TABLE "requirement_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"resolution_note" text DEFAULT '' NOT NULL,
	"resolved_by_id" uuid,
	"resolved_at" timestamp (3) with time zone,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "requirement_relations_kind_ck" CHECK ("requirement_relations"."kind" in ('conflicts_with','duplicates','depends_on','refines')),
	CONSTRAINT "requirement_relations_self_ck" CHECK ("requirement_relations"."from_id" <> "requirement_relations"."to_id"),
	CONSTRAINT "requirement_relations_status_ck" CHECK (("requirement_relations"."kind" = 'conflicts_with') = ("requirement_relations"."status" is not null) and ("requirement_relations"."status" is null or "requirement_relations"."status" in ('open','resolved')))
);
--> statement-breakpoint
CREATE TABLE "requirement_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"session_id" uuid,
	"passage_id" uuid,
	"questionnaire_id" uuid,
	"response_id" uuid,
	"question_id" text,
	"contact_id" uuid,
	"label" text DEFAULT '' NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"start_offset" integer,
	"end_offset" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_sources_kind_ck" CHECK ("requirement_sources"."kind" in ('session_passage','questionnaire_answer','contact','document')),
	CONSTRAINT "requirement_sources_refs_ck" CHECK (case "requirement_sources"."kind"
            when 'session_passage' then "requirement_sources"."session_id" is not null
            when 'questionnaire_answer' then "requirement_sources"."questionnaire_id" is not null and "requirement_sources"."response_id" is not null and "requirement_sources"."question_id" is not null
            when 'contact' then "requirement_sources"."contact_id" is not null
            else true end)
);
--> statement-breakpoint
CREATE TABLE "requirement_versions" (
	"requirement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"snapshot" jsonb NOT NULL,
	"changed_by_id" uuid,
	"changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "requirement_versions_requirement_id_version_pk" PRIMARY KEY("requirement_id","version"),
	CONSTRAINT "requirement_versions_action_ck" CHECK ("requirement_versions"."action" in ('create','update','transition'))
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text DEFAULT 'functional' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"client_shared_at" timestamp (3) with time zone,
	"owner_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"acceptance_criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moscow" text,
	"client_priority" integer,
	"rank" double precision DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "requirements_number_ck" CHECK ("requirements"."number" > 0),
	CONSTRAINT "requirements_type_ck" CHECK ("requirements"."type" in ('functional','performance','security','usability','reliability','compliance','other')),
	CONSTRAINT "requirements_status_ck" CHECK ("requirements"."status" in ('draft','in_analysis','awaiting_client','approved','baselined','delivered','accepted','rejected','deferred')),
	CONSTRAINT "requirements_moscow_ck" CHECK ("requirements"."moscow" is null or "requirements"."moscow" in ('must','should','could','wont')),
	CONSTRAINT "requirements_client_priority_ck" CHECK ("requirements"."client_priority" is null or "requirements"."client_priority" between 1 and 5),
	CONSTRAINT "requirements_reason_ck" CHECK ("requirements"."status" not in ('rejected','deferred') or coalesce(btrim("requirements"."status_reason"), '') <> '')
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scope" text DEFAULT 'requirements' NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trace_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_type" text NOT NULL,
	"from_id" uuid NOT NULL,
	"to_type" text NOT NULL,
	"to_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trace_links_self_ck" CHECK (not ("trace_links"."from_type" = "trace_links"."to_type" and "trace_links"."from_id" = "trace_links"."to_id"))
);
--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_from_id_requirements_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_to_id_requirements_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_relations" ADD CONSTRAINT "requirement_relations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_sources" ADD CONSTRAINT "requirement_sources_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_versions" ADD CONSTRAINT "requirement_versions_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_versions" ADD CONSTRAINT "requirement_versions_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trace_links" ADD CONSTRAINT "trace_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_relations_pair_uq" ON "requirement_relations" USING btree ("from_id","to_id","kind");--> statement-breakpoint
CREATE INDEX "requirement_relations_to_idx" ON "requirement_relations" USING btree ("to_id");--> statement-breakpoint
CREATE INDEX "requirement_relations_project_idx" ON "requirement_relations" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "requirement_sources_requirement_idx" ON "requirement_sources" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "requirement_sources_session_idx" ON "requirement_sources" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "requirement_sources_questionnaire_idx" ON "requirement_sources" USING btree ("questionnaire_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requirements_project_number_uq" ON "requirements" USING btree ("project_id","number");--> statement-breakpoint
CREATE INDEX "requirements_project_status_idx" ON "requirements" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "requirements_project_rank_idx" ON "requirements" USING btree ("project_id","rank");--> statement-breakpoint
CREATE INDEX "requirements_owner_idx" ON "requirements" USING btree ("owner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_uq" ON "saved_views" USING btree ("project_id","user_id","scope","name");--> statement-breakpoint
CREATE INDEX "saved_views_project_idx" ON "saved_views" USING btree ("project_id","scope");--> statement-breakpoint
CREATE UNIQUE INDEX "trace_links_uq" ON "trace_links" USING btree ("from_type","from_id","to_type","to_id","kind");--> statement-breakpoint
CREATE INDEX "trace_links_to_idx" ON "trace_links" USING btree ("project_id","to_type","to_id");--> statement-breakpoint
CREATE INDEX "trace_links_from_idx" ON "trace_links" USING btree ("project_id","from_type","from_id");