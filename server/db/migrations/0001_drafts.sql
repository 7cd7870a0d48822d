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
ALTER TABLE "draft_editors" ADD CONSTRAINT "draft_editors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drafts_tree_id" ON "drafts" USING btree ("tree_id");