CREATE TYPE "public"."access_request_status" AS ENUM('pending', 'granted', 'denied');--> statement-breakpoint
CREATE TYPE "public"."achievement_status" AS ENUM('draft', 'submitted', 'published', 'withdrawn', 'archived');--> statement-breakpoint
CREATE TYPE "public"."demand_status" AS ENUM('draft', 'published', 'closed', 'withdrawn');--> statement-breakpoint
CREATE TABLE "achievement_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"achievement_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"message" text,
	"nda_accepted_at" timestamp with time zone NOT NULL,
	"status" "access_request_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "achievement_access_unique" UNIQUE("achievement_id","requester_id")
);
--> statement-breakpoint
CREATE TABLE "achievements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" text NOT NULL,
	"external_id" text,
	"owner_org_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"abstract" text NOT NULL,
	"detail" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"domain_code" text,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"discipline" text,
	"trl" integer,
	"trl_evidence" text,
	"ip" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region_code" text NOT NULL,
	"funding" jsonb,
	"awards" text[] DEFAULT '{}'::text[] NOT NULL,
	"transfer_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"price_mode" text DEFAULT 'negotiable' NOT NULL,
	"price_min_fen" bigint,
	"price_max_fen" bigint,
	"open_licence" boolean DEFAULT false NOT NULL,
	"dual_use" boolean DEFAULT false NOT NULL,
	"export_controlled" boolean DEFAULT false NOT NULL,
	"comparison" text,
	"applications" text,
	"status" "achievement_status" DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "achievements_chain_id_key" UNIQUE("chain_id"),
	CONSTRAINT "achievements_external_id_key" UNIQUE("owner_org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "listing_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "demands" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" text NOT NULL,
	"external_id" text,
	"owner_org_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"domain_code" text,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text NOT NULL,
	"budget_min_fen" bigint,
	"budget_max_fen" bigint,
	"trl_needed" integer,
	"deadline" date,
	"cooperation_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "demand_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "demands_chain_id_key" UNIQUE("chain_id"),
	CONSTRAINT "demands_external_id_key" UNIQUE("owner_org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "expert_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"title" text,
	"bio" text,
	"domain_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"discipline" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_code" text,
	"contact_policy" text DEFAULT 'platform_message' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "achievement_access_requests" ADD CONSTRAINT "achievement_access_requests_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievement_access_requests" ADD CONSTRAINT "achievement_access_requests_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "achievements" ADD CONSTRAINT "achievements_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "achievement_access_requester_idx" ON "achievement_access_requests" USING btree ("requester_id");--> statement-breakpoint
CREATE INDEX "achievements_owner_idx" ON "achievements" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "achievements_status_idx" ON "achievements" USING btree ("status");--> statement-breakpoint
CREATE INDEX "achievements_region_idx" ON "achievements" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "listing_events_entity_idx" ON "listing_events" USING btree ("entity_type","entity_id","kind");--> statement-breakpoint
CREATE INDEX "demands_owner_idx" ON "demands" USING btree ("owner_org_id");--> statement-breakpoint
CREATE INDEX "demands_status_idx" ON "demands" USING btree ("status");