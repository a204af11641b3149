CREATE TYPE "public"."send_batch_kind" AS ENUM('contacts_upload', 'smartsend');--> statement-breakpoint
CREATE TYPE "public"."send_batch_state" AS ENUM('claimed', 'in_flight', 'settled', 'in_doubt', 'released');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."exclusion_reason" AS ENUM('no_email', 'no_phone', 'do_not_email', 'do_not_sms', 'email_invalid');--> statement-breakpoint
CREATE TYPE "public"."mailing_event_kind" AS ENUM('created', 'comment', 'audience_imported', 'audience_removed', 'send_requested', 'sending_started', 'sent', 'failed', 'cancelled', 'status_updated', 'follow_up_created', 'in_doubt_resolved', 'file_attached');--> statement-breakpoint
CREATE TYPE "public"."mailing_status" AS ENUM('draft', 'queued', 'sending', 'sent', 'partially_sent', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."recipient_state" AS ENUM('pending', 'excluded', 'sending', 'accepted', 'rejected', 'in_doubt');--> statement-breakpoint
CREATE TABLE "esputnik_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"esputnik_id" integer NOT NULL,
	"channel" "channel" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailing_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mailing_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mailing_id" uuid NOT NULL,
	"kind" "mailing_event_kind" NOT NULL,
	"actor_id" uuid,
	"text" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailing_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailing_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailing_recipients" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mailing_recipients_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"mailing_id" uuid NOT NULL,
	"contact_id" uuid,
	"full_name" text DEFAULT '' NOT NULL,
	"email" text,
	"phone" text,
	"language" text,
	"locator" text,
	"state" "recipient_state" DEFAULT 'pending' NOT NULL,
	"exclusion_reason" "exclusion_reason",
	"batch_id" uuid,
	"request_id" text,
	"reject_reason" text,
	"esputnik_status" text,
	"status_at" timestamp with time zone,
	"delivered" boolean DEFAULT false NOT NULL,
	"failed" boolean DEFAULT false NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"esputnik_group" text NOT NULL,
	"message_id" uuid,
	"channel" "channel" NOT NULL,
	"alpha_name" text DEFAULT '' NOT NULL,
	"status" "mailing_status" DEFAULT 'draft' NOT NULL,
	"failure_code" text,
	"failure_detail" text,
	"notes" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"send_requested_by" uuid,
	"send_requested_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"upload_cursor" bigint DEFAULT 0 NOT NULL,
	"status_checked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "send_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mailing_id" uuid NOT NULL,
	"kind" "send_batch_kind" NOT NULL,
	"state" "send_batch_state" DEFAULT 'claimed' NOT NULL,
	"size" integer NOT NULL,
	"worker" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "esputnik_messages" ADD CONSTRAINT "esputnik_messages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_events" ADD CONSTRAINT "mailing_events_mailing_id_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_events" ADD CONSTRAINT "mailing_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_files" ADD CONSTRAINT "mailing_files_mailing_id_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_files" ADD CONSTRAINT "mailing_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_recipients" ADD CONSTRAINT "mailing_recipients_mailing_id_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailings" ADD CONSTRAINT "mailings_message_id_esputnik_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."esputnik_messages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailings" ADD CONSTRAINT "mailings_parent_id_mailings_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."mailings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailings" ADD CONSTRAINT "mailings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailings" ADD CONSTRAINT "mailings_send_requested_by_users_id_fk" FOREIGN KEY ("send_requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "send_batches" ADD CONSTRAINT "send_batches_mailing_id_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "esputnik_messages_channel_id_uq" ON "esputnik_messages" USING btree ("channel","esputnik_id");--> statement-breakpoint
CREATE INDEX "esputnik_messages_name_idx" ON "esputnik_messages" USING btree ("name");--> statement-breakpoint
CREATE INDEX "mailing_events_mailing_idx" ON "mailing_events" USING btree ("mailing_id","created_at");--> statement-breakpoint
CREATE INDEX "mailing_files_mailing_idx" ON "mailing_files" USING btree ("mailing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_recipients_contact_uq" ON "mailing_recipients" USING btree ("mailing_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_recipients_locator_uq" ON "mailing_recipients" USING btree ("mailing_id","locator");--> statement-breakpoint
CREATE INDEX "mailing_recipients_state_idx" ON "mailing_recipients" USING btree ("mailing_id","state","id");--> statement-breakpoint
CREATE INDEX "mailing_recipients_status_idx" ON "mailing_recipients" USING btree ("mailing_id","esputnik_status");--> statement-breakpoint
CREATE INDEX "mailing_recipients_batch_idx" ON "mailing_recipients" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_recipients_request_uq" ON "mailing_recipients" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "mailings_status_idx" ON "mailings" USING btree ("status");--> statement-breakpoint
CREATE INDEX "mailings_created_at_idx" ON "mailings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "mailings_sent_at_idx" ON "mailings" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "mailings_created_by_idx" ON "mailings" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "mailings_parent_idx" ON "mailings" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "send_batches_mailing_state_idx" ON "send_batches" USING btree ("mailing_id","state");