DROP TABLE "meeting_feed_tokens" CASCADE;--> statement-breakpoint
DROP TABLE "plan_feed_tokens" CASCADE;