ALTER TYPE "public"."role" ADD VALUE 'market_operator' BEFORE 'tto_officer';--> statement-breakpoint
CREATE TABLE "auction_bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"auction_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"registration_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"kind" text NOT NULL,
	"client_key" text,
	"accepted_by" text,
	"placed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "auction_bids_seq_key" UNIQUE("auction_id","seq"),
	CONSTRAINT "auction_bids_amount_key" UNIQUE("auction_id","amount_fen"),
	CONSTRAINT "auction_bids_client_key" UNIQUE("auction_id","registration_id","client_key")
);
--> statement-breakpoint
CREATE TABLE "auction_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"auction_id" uuid NOT NULL,
	"bidder_org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"paddle_no" integer NOT NULL,
	"qualification" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"deposit_status" text DEFAULT 'due' NOT NULL,
	"proxy_max_fen" bigint,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auction_registrations_bidder_key" UNIQUE("auction_id","bidder_org_id"),
	CONSTRAINT "auction_registrations_paddle_key" UNIQUE("auction_id","paddle_no")
);
--> statement-breakpoint
CREATE TABLE "auctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" text NOT NULL,
	"listing_id" uuid NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"start_price_fen" bigint NOT NULL,
	"reserve_fen" bigint,
	"increments" jsonb NOT NULL,
	"deposit_fen" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"scheduled_ends_at" timestamp with time zone NOT NULL,
	"extension_minutes" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"current_price_fen" bigint,
	"leading_registration_id" uuid,
	"bid_count" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"result_published_at" timestamp with time zone,
	"deal_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deposit_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"auction_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"entry" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reference" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_no" text NOT NULL,
	"chain_id" text NOT NULL,
	"achievement_id" uuid,
	"demand_id" uuid,
	"listing_id" uuid,
	"offer_id" uuid,
	"auction_id" uuid,
	"tender_id" uuid,
	"seller_org_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"transfer_mode" text NOT NULL,
	"licence_kind" text,
	"pricing_method" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"commission_fen" bigint NOT NULL,
	"state_funded" boolean NOT NULL,
	"status" text NOT NULL,
	"contract_draft" jsonb,
	"concluded_at" timestamp with time zone,
	"cancelled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_deals_deal_no_key" UNIQUE("deal_no"),
	CONSTRAINT "market_deals_offer_key" UNIQUE("offer_id"),
	CONSTRAINT "market_deals_auction_key" UNIQUE("auction_id"),
	CONSTRAINT "market_deals_tender_key" UNIQUE("tender_id")
);
--> statement-breakpoint
CREATE TABLE "market_fee_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"commission_bp" integer NOT NULL,
	"deposit_bp" integer NOT NULL,
	"deposit_min_fen" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "market_fee_schedules_effectiveFrom_unique" UNIQUE("effective_from")
);
--> statement-breakpoint
CREATE TABLE "market_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" text NOT NULL,
	"achievement_id" uuid NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"created_by" uuid,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"mode" text NOT NULL,
	"licence_kind" text,
	"licence_territory" text,
	"licence_term_months" integer,
	"pricing" text NOT NULL,
	"price_fen" bigint,
	"terms" text DEFAULT '' NOT NULL,
	"data_room" text DEFAULT '' NOT NULL,
	"state_funded" boolean NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"listed_from" timestamp with time zone,
	"listed_until" timestamp with time zone,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid,
	"buyer_org_id" uuid,
	"deal_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"document" jsonb,
	"document_content" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"from_side" text NOT NULL,
	"previous_offer_id" uuid,
	"amount_fen" bigint NOT NULL,
	"terms" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"decline_reason" text,
	"decline_note" text,
	"created_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"submitter_name" text NOT NULL,
	"submitter_contact" text NOT NULL,
	"submitted_by" uuid,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"chain_id" text NOT NULL,
	"seller_org_id" uuid NOT NULL,
	"achievement_title" text NOT NULL,
	"seller_name" text NOT NULL,
	"buyer_name" text NOT NULL,
	"contributors" text DEFAULT '' NOT NULL,
	"price_fen" bigint NOT NULL,
	"pricing_method" text NOT NULL,
	"transfer_mode" text NOT NULL,
	"objection_channel" text NOT NULL,
	"working_days" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "public_notices_deal_key" UNIQUE("deal_id")
);
--> statement-breakpoint
CREATE TABLE "scheduled_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"done_by" text,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_jobs_kind_key" UNIQUE("kind","key")
);
--> statement-breakpoint
CREATE TABLE "tender_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"bidder_org_id" uuid NOT NULL,
	"achievement_id" uuid,
	"price_fen" bigint NOT NULL,
	"transfer_mode" text DEFAULT 'assign' NOT NULL,
	"terms" text NOT NULL,
	"technical_proposal" text NOT NULL,
	"status" text DEFAULT 'sealed' NOT NULL,
	"scores" jsonb,
	"total_score_x_100" integer,
	"rank" integer,
	"outcome_reason" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_proposals_bidder_key" UNIQUE("tender_id","bidder_org_id")
);
--> statement-breakpoint
CREATE TABLE "tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" text NOT NULL,
	"demand_id" uuid NOT NULL,
	"buyer_org_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"budget_max_fen" bigint,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"awarded_proposal_id" uuid,
	"awarded_at" timestamp with time zone,
	"deal_id" uuid,
	"award_reason" text,
	"closed_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auction_bids" ADD CONSTRAINT "auction_bids_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_bids" ADD CONSTRAINT "auction_bids_registration_id_auction_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."auction_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_registrations" ADD CONSTRAINT "auction_registrations_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_registrations" ADD CONSTRAINT "auction_registrations_bidder_org_id_organisations_id_fk" FOREIGN KEY ("bidder_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_registrations" ADD CONSTRAINT "auction_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auction_registrations" ADD CONSTRAINT "auction_registrations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_listing_id_market_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."market_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_seller_org_id_organisations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_ledger" ADD CONSTRAINT "deposit_ledger_auction_id_auctions_id_fk" FOREIGN KEY ("auction_id") REFERENCES "public"."auctions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_ledger" ADD CONSTRAINT "deposit_ledger_registration_id_auction_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."auction_registrations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deposit_ledger" ADD CONSTRAINT "deposit_ledger_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_deals" ADD CONSTRAINT "market_deals_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_deals" ADD CONSTRAINT "market_deals_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_deals" ADD CONSTRAINT "market_deals_listing_id_market_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."market_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_deals" ADD CONSTRAINT "market_deals_offer_id_market_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."market_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_deals" ADD CONSTRAINT "market_deals_seller_org_id_organisations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_deals" ADD CONSTRAINT "market_deals_buyer_org_id_organisations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_fee_schedules" ADD CONSTRAINT "market_fee_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_listings" ADD CONSTRAINT "market_listings_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_listings" ADD CONSTRAINT "market_listings_seller_org_id_organisations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_listings" ADD CONSTRAINT "market_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_listings" ADD CONSTRAINT "market_listings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_messages" ADD CONSTRAINT "market_messages_listing_id_market_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."market_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_messages" ADD CONSTRAINT "market_messages_buyer_org_id_organisations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_messages" ADD CONSTRAINT "market_messages_deal_id_market_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."market_deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_messages" ADD CONSTRAINT "market_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_offers" ADD CONSTRAINT "market_offers_listing_id_market_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."market_listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_offers" ADD CONSTRAINT "market_offers_buyer_org_id_organisations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_offers" ADD CONSTRAINT "market_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market_offers" ADD CONSTRAINT "market_offers_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_public_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."public_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_deal_id_market_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."market_deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_seller_org_id_organisations_id_fk" FOREIGN KEY ("seller_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_proposals" ADD CONSTRAINT "tender_proposals_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_proposals" ADD CONSTRAINT "tender_proposals_bidder_org_id_organisations_id_fk" FOREIGN KEY ("bidder_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_proposals" ADD CONSTRAINT "tender_proposals_achievement_id_achievements_id_fk" FOREIGN KEY ("achievement_id") REFERENCES "public"."achievements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_proposals" ADD CONSTRAINT "tender_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_demand_id_demands_id_fk" FOREIGN KEY ("demand_id") REFERENCES "public"."demands"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_buyer_org_id_organisations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auction_bids_registration_idx" ON "auction_bids" USING btree ("registration_id") WHERE kind = 'manual';--> statement-breakpoint
CREATE INDEX "auctions_status_idx" ON "auctions" USING btree ("status","ends_at");--> statement-breakpoint
CREATE INDEX "auctions_listing_idx" ON "auctions" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "deposit_ledger_auction_idx" ON "deposit_ledger" USING btree ("auction_id","registration_id");--> statement-breakpoint
CREATE INDEX "market_deals_seller_idx" ON "market_deals" USING btree ("seller_org_id");--> statement-breakpoint
CREATE INDEX "market_deals_buyer_idx" ON "market_deals" USING btree ("buyer_org_id");--> statement-breakpoint
CREATE INDEX "market_deals_chain_idx" ON "market_deals" USING btree ("chain_id");--> statement-breakpoint
CREATE INDEX "market_listings_status_idx" ON "market_listings" USING btree ("status","listed_until");--> statement-breakpoint
CREATE INDEX "market_listings_seller_idx" ON "market_listings" USING btree ("seller_org_id");--> statement-breakpoint
CREATE INDEX "market_listings_achievement_idx" ON "market_listings" USING btree ("achievement_id");--> statement-breakpoint
CREATE INDEX "market_messages_thread_idx" ON "market_messages" USING btree ("listing_id","buyer_org_id","created_at");--> statement-breakpoint
CREATE INDEX "market_messages_deal_idx" ON "market_messages" USING btree ("deal_id","created_at");--> statement-breakpoint
CREATE INDEX "market_offers_listing_idx" ON "market_offers" USING btree ("listing_id","buyer_org_id");--> statement-breakpoint
CREATE INDEX "market_offers_open_idx" ON "market_offers" USING btree ("respond_by") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" USING btree ("notice_id");--> statement-breakpoint
CREATE INDEX "public_notices_status_idx" ON "public_notices" USING btree ("status","ends_on");--> statement-breakpoint
CREATE INDEX "scheduled_jobs_due_idx" ON "scheduled_jobs" USING btree ("run_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "tender_proposals_tender_idx" ON "tender_proposals" USING btree ("tender_id");--> statement-breakpoint
CREATE INDEX "tenders_status_idx" ON "tenders" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "tenders_demand_idx" ON "tenders" USING btree ("demand_id");