ALTER TYPE "public"."exclusion_reason" ADD VALUE 'duplicate_address';--> statement-breakpoint
CREATE TABLE "mailing_send_addresses" (
	"mailing_id" uuid NOT NULL,
	"locator" text NOT NULL,
	"recipient_id" bigint NOT NULL,
	CONSTRAINT "mailing_send_addresses_mailing_id_locator_pk" PRIMARY KEY("mailing_id","locator")
);
--> statement-breakpoint
DROP INDEX "mailing_recipients_locator_uq";--> statement-breakpoint
ALTER TABLE "mailing_send_addresses" ADD CONSTRAINT "mailing_send_addresses_mailing_id_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Addresses already handed to eSputnik are taken by the recipients that were sent to them.
INSERT INTO "mailing_send_addresses" ("mailing_id", "locator", "recipient_id")
SELECT r."mailing_id", r."locator", r."id" FROM "mailing_recipients" r JOIN "mailings" m ON m."id" = r."mailing_id"
WHERE r."state" IN ('sending', 'accepted', 'rejected', 'in_doubt') AND r."locator" IS NOT NULL
ON CONFLICT DO NOTHING;
