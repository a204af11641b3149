DROP INDEX "mailing_recipients_state_idx";--> statement-breakpoint
DROP INDEX "mailing_recipients_batch_idx";--> statement-breakpoint
CREATE INDEX "mailing_recipients_mailing_idx" ON "mailing_recipients" USING btree ("mailing_id","id");