ALTER TABLE "analytics_events" ADD COLUMN "ticket" text;--> statement-breakpoint
ALTER TABLE "analytics_events" ADD COLUMN "client" text;