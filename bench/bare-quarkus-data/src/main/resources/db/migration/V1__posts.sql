create table posts (
    id bigint primary key,
    title varchar(200) not null,
    body text not null,
    author varchar(64) not null,
    created_at timestamp with time zone not null
);
insert into posts (id, title, body, author, created_at)
values (1, 'Benchmark post', 'Some Markdown with a link and a list: one, two.', 'bench', now());
