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
CREATE INDEX "analytics_events_at" ON "analytics_events" USING btree ("at");