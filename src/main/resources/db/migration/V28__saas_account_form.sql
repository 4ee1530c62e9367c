-- TKT-7: DOMAIN-FACTS names "SaaS Account" among the forms a STAR may be raised on; it gives no id, so the form takes
-- the next id of the desk's own numbering (Partner Operations is 360001900001). Like SaaS, it is a customer form:
-- the requester is served under their own organization's subscription (ENT-10), with the same fields.
update ticket_forms set position = position + 1 where position >= 3;
insert into ticket_forms (id, name, display_name, position, ticket_field_ids)
values (360001900002, 'SaaS Account', 'SaaS Account', 3, '{1,2,4}');
