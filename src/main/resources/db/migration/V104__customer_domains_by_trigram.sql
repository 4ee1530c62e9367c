-- Issue #15: the portal's "did you mean acme.test?" hint looks up the customer domains nearest to a mistyped one by
-- trigram distance (a GiST index walk of the closest few) instead of reading every organization's domains per keystroke.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the desk's database owner may create it.
create extension if not exists pg_trgm;

create table customer_domains (
    domain          text   not null,
    organization_id bigint not null references organizations (id) on delete cascade,
    primary key (domain, organization_id)
);
create index customer_domains_nearest on customer_domains using gist (domain gist_trgm_ops);

insert into customer_domains (domain, organization_id)
select distinct lower(d), o.id from organizations o, unnest(o.domain_names) d where o.org_type = 'customer';

-- kept in step with organizations on every write path (API, CRM import, demo data)
create function customer_domains_follow() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        delete from customer_domains where organization_id = old.id;
    end if;
    if tg_op <> 'DELETE' and new.org_type = 'customer' then
        insert into customer_domains (domain, organization_id)
        select distinct lower(d), new.id from unnest(new.domain_names) d;
    end if;
    return null;
end $$;
create trigger customer_domains_on_insert after insert on organizations
    for each row when (new.org_type = 'customer') execute function customer_domains_follow();
create trigger customer_domains_on_update after update of domain_names, org_type on organizations
    for each row when (old.domain_names is distinct from new.domain_names or old.org_type is distinct from new.org_type)
    execute function customer_domains_follow();
create trigger customer_domains_on_delete before delete on organizations
    for each row when (old.org_type = 'customer') execute function customer_domains_follow();
