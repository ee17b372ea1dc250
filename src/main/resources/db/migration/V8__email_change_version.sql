-- Email-change links that stop working when they should. Written for both PostgreSQL (production) and H2
-- in PostgreSQL mode (dev, test).

-- Raised by every request to change the address and by every change made: a change link names the version
-- it was issued under (with the account's address and password version), so a newer request, a change
-- made or a password change voids it, and it works once.
alter table users add column email_change_version bigint not null default 0;
