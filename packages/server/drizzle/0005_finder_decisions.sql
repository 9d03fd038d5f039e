CREATE TABLE "requirement_finder_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"requirement_a_id" uuid NOT NULL,
	"requirement_b_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decision" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "requirement_finder_decisions_order_ck" CHECK ("requirement_finder_decisions"."requirement_a_id" < "requirement_finder_decisions"."requirement_b_id"),
	CONSTRAINT "requirement_finder_decisions_kind_ck" CHECK ("requirement_finder_decisions"."kind" in ('duplicate','conflict')),
	CONSTRAINT "requirement_finder_decisions_decision_ck" CHECK ("requirement_finder_decisions"."decision" in ('confirmed','dismissed'))
);
--> statement-breakpoint
ALTER TABLE "requirement_finder_decisions" ADD CONSTRAINT "requirement_finder_decisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_finder_decisions" ADD CONSTRAINT "requirement_finder_decisions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_finder_decisions" ADD CONSTRAINT "requirement_finder_decisions_requirement_a_id_requirements_id_fk" FOREIGN KEY ("requirement_a_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_finder_decisions" ADD CONSTRAINT "requirement_finder_decisions_requirement_b_id_requirements_id_fk" FOREIGN KEY ("requirement_b_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_finder_decisions" ADD CONSTRAINT "requirement_finder_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_finder_decisions_pair_uq" ON "requirement_finder_decisions" USING btree ("requirement_a_id","requirement_b_id","kind");--> statement-breakpoint
CREATE INDEX "requirement_finder_decisions_project_idx" ON "requirement_finder_decisions" USING btree ("project_id");