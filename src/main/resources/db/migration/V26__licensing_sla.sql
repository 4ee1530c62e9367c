-- TKT-4, DOMAIN-FACTS: licensing and renewal questions get an SLA on every plan, so a clock may run for support level none
alter table ticket_slas drop constraint ticket_slas_support_level_check;
alter table ticket_slas add constraint ticket_slas_support_level_check check (support_level in ('priority', 'standard', 'none'));
