-- TKT-1 (#10 item 3): an agent may open a ticket with an internal note, as in Zendesk. The description is the first
-- comment, so it is public exactly when that comment is; only agents read (and search) an internal one.
alter table tickets add column description_public boolean not null default true;

-- V21's trigger, with the description kept out of the public vector when it is internal
create or replace function tickets_search_vector() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.search_vector := setweight(to_tsvector('english', new.subject), 'A')
                          || setweight(to_tsvector('english', new.description), 'B');
        new.public_search_vector := case when new.description_public then new.search_vector
                                         else setweight(to_tsvector('english', new.subject), 'A') end;
    else
        new.search_vector := ticket_search_document(new.id, new.subject, new.description, new.created_at, false);
        -- an internal description is the first comment, which the public document leaves out as it is not public
        new.public_search_vector := ticket_search_document(new.id, new.subject,
                case when new.description_public then new.description else '' end, new.created_at, true);
    end if;
    return new;
end
$$;
