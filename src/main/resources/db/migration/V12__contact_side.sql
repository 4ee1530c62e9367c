-- DIR-3 [001]: a contact remembers the side it joined (customer or partner) and keeps it after leaving the
-- organization, so removing a membership does not free a customer's contact to join a partner, or vice-versa
alter table users add column contact_side text check (contact_side in ('customer', 'partner'));

update users u
   set contact_side = o.org_type
  from organization_memberships m
  join organizations o on o.id = m.organization_id
 where m.user_id = u.id and o.org_type in ('customer', 'partner');
