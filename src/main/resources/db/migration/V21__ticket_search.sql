-- TKT-6 search: full text over subjects and comments, kept by the database so no write path can forget it.
--
-- Configuration 'english': agents search for "fail" and expect "fails" and "failing"; stemming and stop words
-- give that. E-mail addresses, host names and ids such as ALLY-991 are whole tokens of the parser, which both
-- 'simple' and 'english' share, so they stay findable. Queries must use the same configuration (SearchQuery).
--
-- Weights: subject A, comments (the description is the first comment) B, so a word in the subject ranks first.
-- Two vectors: search_vector holds every comment, internal notes too, and serves agents; public_search_vector
-- holds only what the requester can read, and serves everyone else, so a customer cannot learn what an internal
-- note says by searching for its words. Which tickets a user may see at all is decided when searching (API-2).

alter table tickets add column search_vector tsvector not null default ''::tsvector;
alter table tickets add column public_search_vector tsvector not null default ''::tsvector;

-- The whole document of one ticket: subject, description, and every comment after the intake one. A tsvector
-- holds at most 1 MB: a ticket beyond that keeps its subject and description searchable rather than refusing
-- the write.
create function ticket_search_document(p_id bigint, p_subject text, p_description text, p_created_at timestamptz,
                                       p_public_only boolean)
    returns tsvector language plpgsql stable as $$
declare
    head tsvector := setweight(to_tsvector('english', p_subject), 'A')
                  || setweight(to_tsvector('english', p_description), 'B');
begin
    return head || coalesce((select setweight(to_tsvector('english', string_agg(c.body, ' ' order by c.id)), 'B')
                               from ticket_comments c
                              where c.ticket_id = p_id
                                and (c.public or not p_public_only)
                                and not (c.created_at = p_created_at and c.body = p_description)), ''::tsvector);
exception when program_limit_exceeded then
    return head;
end
$$;

-- A new ticket is indexed from its subject and description; a change of either (ENT-6 naming, an agent's
-- edit) re-reads the whole document.
create function tickets_search_vector() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.search_vector := setweight(to_tsvector('english', new.subject), 'A')
                          || setweight(to_tsvector('english', new.description), 'B');
        new.public_search_vector := new.search_vector;
    else
        new.search_vector := ticket_search_document(new.id, new.subject, new.description, new.created_at, false);
        new.public_search_vector := ticket_search_document(new.id, new.subject, new.description, new.created_at, true);
    end if;
    return new;
end
$$;

create trigger tickets_search_vector_on_insert before insert on tickets
    for each row execute function tickets_search_vector();
create trigger tickets_search_vector_on_subject before update of subject, description on tickets
    for each row when (old.subject is distinct from new.subject or old.description is distinct from new.description)
    execute function tickets_search_vector();

-- A comment adds its words to its ticket. Intake writes the ticket and its first comment in one statement
-- (the hot path): that comment is the description, already indexed, so it writes nothing here. It is
-- recognised by having the ticket's description as body and the same transaction time (now()) as the ticket.
create function ticket_comments_search_vector() returns trigger language plpgsql as $$
begin
    if exists (select 1 from tickets t
                where t.id = new.ticket_id and t.created_at = new.created_at and t.description = new.body) then
        return null;
    end if;
    begin
        update tickets
           set search_vector = search_vector || setweight(to_tsvector('english', new.body), 'B'),
               public_search_vector = case when new.public
                                           then public_search_vector || setweight(to_tsvector('english', new.body), 'B')
                                           else public_search_vector end
         where id = new.ticket_id;
    exception when program_limit_exceeded then
        -- the ticket's vector is full (1 MB): it stays findable by what it already holds
        null;
    end;
    return null;
end
$$;

create trigger ticket_comments_search_vector after insert on ticket_comments
    for each row execute function ticket_comments_search_vector();

update tickets set search_vector = ticket_search_document(id, subject, description, created_at, false),
                   public_search_vector = ticket_search_document(id, subject, description, created_at, true);

create index tickets_search on tickets using gin (search_vector);
create index tickets_public_search on tickets using gin (public_search_vector);
