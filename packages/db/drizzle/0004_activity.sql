CREATE TABLE "api_key_usage" (
	"key_id" uuid NOT NULL,
	"granularity" text NOT NULL,
	"start" timestamp (3) with time zone NOT NULL,
	"ok" integer DEFAULT 0 NOT NULL,
	"plan_forbidden" integer DEFAULT 0 NOT NULL,
	"ip_denied" integer DEFAULT 0 NOT NULL,
	"rate_limited" integer DEFAULT 0 NOT NULL,
	"revoked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "api_key_usage_key_id_granularity_start_pk" PRIMARY KEY("key_id","granularity","start"),
	CONSTRAINT "api_key_usage_granularity_check" CHECK ("api_key_usage"."granularity" in ('minute', 'hour'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" uuid,
	"key_prefix" text,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_events_actor_check" CHECK ("audit_events"."actor" in ('user', 'admin', 'cli', 'system', 'public_report'))
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "last_used_ip" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "last_used_user_agent" text;--> statement-breakpoint
ALTER TABLE "api_key_usage" ADD CONSTRAINT "api_key_usage_key_id_api_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_key_usage_granularity_start_idx" ON "api_key_usage" USING btree ("granularity","start");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_id_key" ON "audit_events" USING btree ("id");--> statement-breakpoint
CREATE INDEX "audit_events_user_seq_idx" ON "audit_events" USING btree ("user_id","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_user_prefix_seq_idx" ON "audit_events" USING btree ("user_id","key_prefix","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_created_idx" ON "audit_events" USING btree ("created_at");