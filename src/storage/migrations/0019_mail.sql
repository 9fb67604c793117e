-- Sending the email outbox (engine/mailer.h) and reminding owners of overdue tasks.
-- How many times sending an email has failed; the mailer gives up after a set number.
ALTER TABLE email_outbox ADD COLUMN attempts {{bigint}} NOT NULL DEFAULT 0;
-- The day an overdue task's owner was last reminded (YYYY-MM-DD); "" if never.
ALTER TABLE tasks ADD COLUMN reminded_on TEXT NOT NULL DEFAULT '';
