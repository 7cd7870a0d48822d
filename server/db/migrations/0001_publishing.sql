CREATE TABLE "site_generations" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"tree_versions_up_to" integer NOT NULL,
	"tree_id" text,
	"version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_generations_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"tree_id" text NOT NULL,
	"base_version" integer,
	"tree" jsonb NOT NULL,
	"summary" text NOT NULL,
	"author_id" integer,
	"author_email" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewer_email" text,
	"comment" text,
	"published_version" integer,
	CONSTRAINT "submissions_status_known" CHECK ("submissions"."status" in ('submitted', 'sent-back', 'published', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "tree_versions" ADD COLUMN "published_by_email" text;--> statement-breakpoint
ALTER TABLE "tree_versions" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_status" ON "submissions" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "submissions_tree" ON "submissions" USING btree ("tree_id");