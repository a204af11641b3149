CREATE TABLE "mailing_recipient_tallies" (
	"mailing_id" uuid NOT NULL,
	"state" "recipient_state" NOT NULL,
	"exclusion_reason" "exclusion_reason",
	"esputnik_status" text,
	"failed" boolean NOT NULL,
	"delivered" boolean NOT NULL,
	"done" boolean NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mailing_recipients" DROP CONSTRAINT "mailing_recipients_mailing_id_mailings_id_fk";
--> statement-breakpoint
DROP INDEX "mailing_recipients_status_idx";--> statement-breakpoint
DROP INDEX "mailing_recipients_response_idx";--> statement-breakpoint
DROP INDEX "mailing_recipients_batch_idx";--> statement-breakpoint
DROP INDEX "mailing_recipients_request_uq";--> statement-breakpoint
CREATE INDEX "mailing_recipient_tallies_mailing_idx" ON "mailing_recipient_tallies" USING btree ("mailing_id");--> statement-breakpoint
CREATE INDEX "mailing_recipients_batch_idx" ON "mailing_recipients" USING btree ("batch_id") WHERE "mailing_recipients"."batch_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_recipients_request_uq" ON "mailing_recipients" USING btree ("request_id") WHERE "mailing_recipients"."request_id" is not null;