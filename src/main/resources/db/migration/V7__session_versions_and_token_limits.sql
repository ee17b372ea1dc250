-- Sessions that end when they should, and API tokens with a scope and an expiry. Written for both
-- PostgreSQL (production) and H2 in PostgreSQL mode (dev, test).

-- Raised by a password change or reset, "log out everywhere" and disabling the account: a session's start
-- cookie names the version it began under, and the per-request account query refuses any other.
alter table users add column session_version bigint not null default 0;

-- Sessions ended by logging out, remembered until their absolute lifetime (atrium.auth.session-lifetime)
-- is over, after which their cookies are refused anyway; so a copy of a logged-out cookie is refused on
-- every replica. EndedSessions deletes the rows past expires_at.
create table ended_sessions (
    session_id  varchar(32) primary key,
    expires_at  timestamp with time zone not null
);
create index ix_ended_sessions_expires on ended_sessions (expires_at);

-- What a token may do: READ (the API's reads) or WRITE (reads and writes); and when it stops working
-- (null: never). Tokens made before this could write and never expired, and keep doing so.
alter table api_tokens add column scope varchar(10) not null default 'WRITE';
-- No CHECK (scope in (...)): H2 2.4.240, the embedded database of dev and tests, fails such a constraint at
-- random for inserts from another connection than the one that created it (h2database#4308); the entity
-- maps the column to an enum, and the form accepts only its two values.
alter table api_tokens add column expires_at timestamp with time zone;
