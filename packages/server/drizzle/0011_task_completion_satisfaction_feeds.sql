CREATE TABLE "calendar_feed_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "calendar_feed_tokens_kind_ck" CHECK ("calendar_feed_tokens"."kind" in ('milestones','meetings'))
);
--> statement-breakpoint
CREATE TABLE "client_satisfaction_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"status_report_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "client_satisfaction_ratings_rating_ck" CHECK ("client_satisfaction_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD COLUMN "completed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_satisfaction_ratings" ADD CONSTRAINT "client_satisfaction_ratings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_satisfaction_ratings" ADD CONSTRAINT "client_satisfaction_ratings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_satisfaction_ratings" ADD CONSTRAINT "client_satisfaction_ratings_status_report_id_status_reports_id_fk" FOREIGN KEY ("status_report_id") REFERENCES "public"."status_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_satisfaction_ratings" ADD CONSTRAINT "client_satisfaction_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_tokens_hash_uq" ON "calendar_feed_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feed_tokens_project_user_idx" ON "calendar_feed_tokens" USING btree ("project_id","user_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "client_satisfaction_ratings_report_user_uq" ON "client_satisfaction_ratings" USING btree ("status_report_id","user_id");--> statement-breakpoint
CREATE INDEX "client_satisfaction_ratings_project_idx" ON "client_satisfaction_ratings" USING btree ("project_id","created_at");--> statement-breakpoint
-- Tasks finished before this column existed: their last update is the best record of when.
UPDATE "plan_tasks" SET "completed_at" = "updated_at" WHERE "percent_complete" = 100;--> statement-breakpoint
-- The two feed-token tables become one with a kind (the next migration drops them).
INSERT INTO "calendar_feed_tokens" ("id", "workspace_id", "project_id", "user_id", "kind", "token_hash", "created_at", "last_used_at", "revoked_at")
  SELECT "id", "workspace_id", "project_id", "user_id", 'milestones', "token_hash", "created_at", "last_used_at", "revoked_at" FROM "plan_feed_tokens";--> statement-breakpoint
INSERT INTO "calendar_feed_tokens" ("id", "workspace_id", "project_id", "user_id", "kind", "token_hash", "created_at", "last_used_at", "revoked_at")
  SELECT "id", "workspace_id", "project_id", "user_id", 'meetings', "token_hash", "created_at", "last_used_at", "revoked_at" FROM "meeting_feed_tokens";
