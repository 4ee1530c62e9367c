-- Built-in ticket fields and forms (SPEC 2, DOMAIN-FACTS "Forms"): ids as the reference deployment numbers them.
-- They are data, not code, so a deployment can renumber or add them.
create table ticket_fields (
    id                    bigint      primary key,
    type                  text        not null,
    title                 text        not null unique,
    description           text        not null default '',
    required              boolean     not null default false,
    position              integer     not null,
    active                boolean     not null default true,
    custom_field_options  jsonb       not null default '[]',
    system                boolean     not null default false,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);

insert into ticket_fields (id, type, title, description, required, position, system, custom_field_options) values
 (1, 'subject',     'Subject',     'Short summary of the request', true,  1, true, '[]'),
 (2, 'description', 'Description', 'What happened, and what you expected', true, 2, true, '[]'),
 (3, 'status',      'Status',      'Request status', false, 3, true, '[]'),
 (4, 'priority',    'Priority',    'Severity 1 (urgent) to 4 (low)', false, 4, true,
    '[{"name":"Urgent (severity 1)","value":"urgent"},{"name":"High (severity 2)","value":"high"},{"name":"Normal (severity 3)","value":"normal"},{"name":"Low (severity 4)","value":"low"}]'),
 (360012194200, 'text', 'Organization Email (partners)', 'E-mail of the customer contact we should work with', false, 10, false, '[]'),
 (360012167579, 'text', 'Customer Name (partners)', 'The customer this ticket is for', false, 11, false, '[]'),
 (360012194220, 'textarea', 'Partner troubleshooting', 'Steps you already took; say here if you want to be CC''d', false, 12, false, '[]'),
 (360012194240, 'tagger', 'Partner engagement', 'Why a partner raises this ticket', false, 13, false,
    '[{"name":"On behalf of a customer","value":"on_behalf_of_customer"},{"name":"Services engagement for a customer","value":"services_engagement"},{"name":"Partner''s own commercial work","value":"partner_commercial_work"},{"name":"Internal training, testing, knowledge building","value":"partner_internal_training"}]'),
 (360012194260, 'checkbox', 'CC partner', 'Keep the partner on the CCs', false, 14, false, '[]'),
 (360012194280, 'text', 'Alliance partner ticket ID', 'The ticket id in the alliance partner''s own system', false, 15, false, '[]'),
 (360012194300, 'tagger', 'Request type', 'What the partner asks Partner Operations for', false, 16, false,
    '[{"name":"Distributor quote","value":"distributor_quote"},{"name":"Reseller-direct quote","value":"reseller_direct_quote"},{"name":"Partner account creation","value":"partner_account_creation"},{"name":"Opportunity record","value":"opportunity_record"},{"name":"Pre-sales technical help","value":"pre_sales_technical"},{"name":"Post-sales technical help","value":"post_sales_technical"},{"name":"Billing account","value":"billing_account"},{"name":"NFR licence","value":"nfr"},{"name":"One-on-one training","value":"training_one_on_one"},{"name":"Other","value":"other"}]');

create table ticket_forms (
    id                bigint      primary key,
    name              text        not null unique,
    display_name      text        not null,
    position          integer     not null,
    active            boolean     not null default true,
    end_user_visible  boolean     not null default true,
    ticket_field_ids  bigint[]    not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);

insert into ticket_forms (id, name, display_name, position, ticket_field_ids) values
 (426148,       'Support',              'Support (self-managed)', 1, '{1,2,4}'),
 (334447,       'SaaS',                 'SaaS',                   2, '{1,2,4}'),
 (360000071293, 'Licensing & Renewals', 'Licensing & Renewals',   3, '{1,2,4}'),
 (360000818199, 'Open Partner',         'Open Partner',           4, '{1,2,4,360012194200,360012167579,360012194220,360012194240,360012194260}'),
 (360000837100, 'Select Partner',       'Select Partner',         5, '{1,2,4,360012194220,360012194240,360012194260}'),
 (360001172559, 'Alliance Partner',     'Alliance Partner',       6, '{1,2,4,360012167579,360012194280,360012194240}'),
 (360001900001, 'Partner Operations',   'Partner Operations',     7, '{1,2,360012194300}'),
 (334427,       'Other',                'Other',                  8, '{1,2,4}');
