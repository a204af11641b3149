-- Keeps mailing_recipient_tallies (see db/schema/mailings.ts) in step with mailing_recipients:
-- each statement appends, in its own transaction, the signed change it made per combination of
-- the counted columns. Statement-level with transition tables: one small aggregate per statement,
-- not a trigger call per row, so a 1,000-recipient settle or a 100,000-row import pays once.
CREATE FUNCTION mailing_recipient_tallies_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO mailing_recipient_tallies (mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, n)
    SELECT mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO mailing_recipient_tallies (mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, n)
    SELECT mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7;
  ELSE
    -- Rows whose counted columns did not change cancel out and leave nothing behind.
    INSERT INTO mailing_recipient_tallies (mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, n)
    SELECT mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, sum(d)
    FROM (
      SELECT mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, 1 AS d FROM new_rows
      UNION ALL
      SELECT mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, -1 AS d FROM old_rows
    ) AS change
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(d) <> 0;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER mailing_recipients_tally_insert AFTER INSERT ON mailing_recipients
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mailing_recipient_tallies_delta();
--> statement-breakpoint
CREATE TRIGGER mailing_recipients_tally_update AFTER UPDATE ON mailing_recipients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION mailing_recipient_tallies_delta();
--> statement-breakpoint
CREATE TRIGGER mailing_recipients_tally_delete AFTER DELETE ON mailing_recipients
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION mailing_recipient_tallies_delta();
--> statement-breakpoint
-- Recipients that exist already (a database migrated from before the tallies), counted once.
INSERT INTO mailing_recipient_tallies (mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, n)
SELECT mailing_id, state, exclusion_reason, esputnik_status, failed, delivered, done, count(*)
FROM mailing_recipients GROUP BY 1, 2, 3, 4, 5, 6, 7;
