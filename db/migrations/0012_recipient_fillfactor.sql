-- Free room on every page of mailing_recipients for the send engine's updates: an update whose
-- new row version fits on the same page and changes no indexed column is HOT (no index entries).
-- A row is about 200 bytes; at 60 % a page keeps room for the claim's version of most of its rows.
-- Applies to pages written from now on (existing ones are rewritten by the next VACUUM FULL).
ALTER TABLE "mailing_recipients" SET (fillfactor = 60);
