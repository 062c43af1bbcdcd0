CREATE TABLE "registration_parameters" (
	"key" text NOT NULL,
	"effective_from" date NOT NULL,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_parameters_key_effective_from_pk" PRIMARY KEY("key","effective_from")
);
--> statement-breakpoint
CREATE TABLE "registration_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"region_code" text,
	"max_contract_amount_fen" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_points_code_key" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "registration_sequences" (
	"point_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "registration_sequences_point_id_year_pk" PRIMARY KEY("point_id","year")
);
--> statement-breakpoint
CREATE TABLE "tech_contract_events" (
	"contract_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changes" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_contract_events_contract_id_seq_pk" PRIMARY KEY("contract_id","seq")
);
--> statement-breakpoint
CREATE TABLE "tech_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chain_id" text NOT NULL,
	"deal_id" uuid,
	"applicant_org_id" uuid NOT NULL,
	"external_id" text,
	"contract_no" text,
	"registration_no" text,
	"project_name" text NOT NULL,
	"subtype" text NOT NULL,
	"licence_mode" text,
	"summary" text DEFAULT '' NOT NULL,
	"seller" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"seller_region_code" text,
	"buyer_region_code" text,
	"technology_domain" text NOT NULL,
	"industry_code" text NOT NULL,
	"industry_section" text NOT NULL,
	"ip_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ip_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan_category" text NOT NULL,
	"plan_project_no" text,
	"socio_economic_objective" text NOT NULL,
	"cross_border" text NOT NULL,
	"signed_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"payment_method" text NOT NULL,
	"payment_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"non_technical_costs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tech_amount_fen" bigint NOT NULL,
	"expected_investment_fen" bigint,
	"expected_output_fen" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"point_id" uuid,
	"submitted_at" timestamp with time zone,
	"decide_by" date,
	"outcome" text,
	"recognised_tech_amount_fen" bigint,
	"recognised_subtype" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"registered_on" date,
	"pending_change" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_contracts_registration_no_key" UNIQUE("registration_no"),
	CONSTRAINT "tech_contracts_deal_key" UNIQUE("deal_id"),
	CONSTRAINT "tech_contracts_external_key" UNIQUE("applicant_org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "contract_stat_cells" (
	"region" text NOT NULL,
	"period" integer NOT NULL,
	"side" text NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"n" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"tech_amount_fen" bigint NOT NULL,
	CONSTRAINT "contract_stat_cells_dimension_side_region_period_value_pk" PRIMARY KEY("dimension","side","region","period","value")
);
--> statement-breakpoint
ALTER TABLE "registration_parameters" ADD CONSTRAINT "registration_parameters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_points" ADD CONSTRAINT "registration_points_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_sequences" ADD CONSTRAINT "registration_sequences_point_id_registration_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."registration_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contract_events" ADD CONSTRAINT "tech_contract_events_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contract_events" ADD CONSTRAINT "tech_contract_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_deal_id_market_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."market_deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_applicant_org_id_organisations_id_fk" FOREIGN KEY ("applicant_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_point_id_registration_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."registration_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_points_region_idx" ON "registration_points" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "tech_contracts_applicant_idx" ON "tech_contracts" USING btree ("applicant_org_id","updated_at");--> statement-breakpoint
CREATE INDEX "tech_contracts_point_status_idx" ON "tech_contracts" USING btree ("point_id","status");--> statement-breakpoint
CREATE INDEX "tech_contracts_chain_idx" ON "tech_contracts" USING btree ("chain_id");--> statement-breakpoint
CREATE INDEX "tech_contracts_seller_region_idx" ON "tech_contracts" USING btree ("seller_region_code","registered_on") WHERE status in ('registered', 'change_requested');--> statement-breakpoint
CREATE INDEX "tech_contracts_buyer_region_idx" ON "tech_contracts" USING btree ("buyer_region_code","registered_on") WHERE status in ('registered', 'change_requested');--> statement-breakpoint
CREATE INDEX "tech_contracts_registered_on_idx" ON "tech_contracts" USING btree ("registered_on") WHERE status in ('registered', 'change_requested');--> statement-breakpoint
CREATE INDEX "contract_stat_cells_period_idx" ON "contract_stat_cells" USING btree ("dimension","side","period");