CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"chain_id" text NOT NULL,
	"external_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"owner_org_name" text NOT NULL,
	"domain_code" text,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text NOT NULL,
	"trl" integer,
	"modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_mode" text,
	"price_min_fen" bigint,
	"price_max_fen" bigint,
	"ip_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"open_licence" boolean DEFAULT false NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"analysed" text NOT NULL,
	"tsv" "tsvector",
	"dict_version" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "search_documents_kind_published_idx" ON "search_documents" USING btree ("kind","published_at");--> statement-breakpoint
CREATE INDEX "search_documents_region_idx" ON "search_documents" USING btree ("kind","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");