-- Uses of rate-limited actions (password checks, account emails), counted per action and key in fixed
-- windows, shared by every replica so that spreading requests over replicas gains nothing. A window ends
-- at resets_at; the next use after it starts a new one. RateLimits deletes ended windows now and then.
-- Written for both PostgreSQL (production) and H2 in PostgreSQL mode (dev, test).
create table rate_limits (
    action       varchar(40)  not null,
    limit_key    varchar(300) not null,
    resets_at    timestamp with time zone not null,
    hits         integer      not null,
    primary key (action, limit_key)
);
create index ix_rate_limits_resets on rate_limits (resets_at);

-- login_failures (V6) is no longer read or written. It stays for now: during a rolling update the replicas
-- of the previous release still write to it; a later migration drops it.
