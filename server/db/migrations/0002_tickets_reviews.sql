CREATE TABLE "tree_reviews" (
	"tree_id" text PRIMARY KEY NOT NULL,
	"owner_id" integer,
	"review_by" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "analytics_events" ADD COLUMN "ticket" text;--> statement-breakpoint
ALTER TABLE "analytics_events" ADD COLUMN "client" text;--> statement-breakpoint
ALTER TABLE "tree_reviews" ADD CONSTRAINT "tree_reviews_owner_id_accounts_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_reviews" ADD CONSTRAINT "tree_reviews_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;