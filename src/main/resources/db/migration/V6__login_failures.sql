-- Failed logins per account and per client address, in fixed windows, shared by every replica so that
-- spreading guesses over replicas gains nothing. Keys are "account:<login>" and "address:<ip>".
create table login_failures (
    throttle_key  varchar(300) primary key,
    window_start  timestamp with time zone not null,
    failures      integer      not null
);
create index ix_login_failures_window on login_failures (window_start);
