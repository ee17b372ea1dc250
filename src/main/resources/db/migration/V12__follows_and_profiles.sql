-- Following and profiles. Written for both PostgreSQL (production) and H2 in PostgreSQL mode (dev, test).
--
-- The profile's fields live on the account's row: every account has exactly one profile, from the moment it
-- exists, so no second row has to be created (or raced for) at registration or at the first "last seen".
alter table users add column real_name varchar(64);
alter table users add column location varchar(64);
alter table users add column about_me varchar(2000);
-- Written at most once a minute per account, by a conditional update (see social/LastSeen).
alter table users add column last_seen timestamp with time zone;

-- Who follows whom. The primary key (follower first) answers "whom does this account follow" for the
-- followed feed's subquery, and keeps a follow from being recorded twice however the requests race.
create table follows (
    follower_id  bigint not null,
    followed_id  bigint not null,
    created_at   timestamp with time zone not null,
    constraint pk_follows primary key (follower_id, followed_id),
    constraint ck_follows_not_self check (follower_id <> followed_id),
    constraint fk_follows_follower foreign key (follower_id) references users (id) on delete cascade,
    constraint fk_follows_followed foreign key (followed_id) references users (id) on delete cascade
);
-- A profile's followers, newest first, and the counts of both sides.
create index ix_follows_followed on follows (followed_id, created_at desc);
create index ix_follows_follower on follows (follower_id, created_at desc);
-- The followed feed itself reads posts by author, newest first: ix_posts_author (V2) already is that index.
