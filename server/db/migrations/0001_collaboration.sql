CREATE TABLE "analytics_daily" (
	"day" date NOT NULL,
	"tree_id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"node_id" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "analytics_daily_tree_id_version_day_kind_node_id_answer_pk" PRIMARY KEY("tree_id","version","day","kind","node_id","answer")
);
--> statement-breakpoint
CREATE TABLE "analytics_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"tree_id" text NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"node_id" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"trail" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "draft_editors" (
	"draft_key" text NOT NULL,
	"client_id" text NOT NULL,
	"account_id" integer NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draft_editors_draft_key_client_id_pk" PRIMARY KEY("draft_key","client_id")
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"key" text PRIMARY KEY NOT NULL,
	"tree_id" text NOT NULL,
	"based_on" integer,
	"revision" integer NOT NULL,
	"tree" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
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
CREATE TABLE "step_reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tree_id" text NOT NULL,
	"node_id" text NOT NULL,
	"tree_version" integer NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "step_reports_category_known" CHECK ("step_reports"."category" in ('wrong', 'unclear', 'out-of-date', 'other')),
	CONSTRAINT "step_reports_status_known" CHECK ("step_reports"."status" in ('new', 'accepted', 'done'))
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
CREATE TABLE "webhook_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"delivery_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"http_status" integer,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"endpoint_id" integer NOT NULL,
	"event" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" serial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"events" jsonb NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "tree_versions" ADD COLUMN "published_by_email" text;--> statement-breakpoint
ALTER TABLE "tree_versions" ADD COLUMN "summary" text;--> statement-breakpoint
ALTER TABLE "draft_editors" ADD CONSTRAINT "draft_editors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_reports" ADD CONSTRAINT "step_reports_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_author_id_accounts_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analytics_events_at" ON "analytics_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "drafts_tree_id" ON "drafts" USING btree ("tree_id");--> statement-breakpoint
CREATE INDEX "step_reports_tree_node" ON "step_reports" USING btree ("tree_id","node_id");--> statement-breakpoint
CREATE INDEX "submissions_status" ON "submissions" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "submissions_tree" ON "submissions" USING btree ("tree_id");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery" ON "webhook_attempts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint" ON "webhook_deliveries" USING btree ("endpoint_id","id");