-- PO-7 [003]: a partner asks on the Licensing & Renewals form for a license resend or an e-mail change for the customer
-- it sold to, naming the customer's contact in Organization Email (partners)
insert into ticket_fields (id, type, title, description, required, position, system, custom_field_options) values
 (360012194320, 'tagger', 'Licensing request', 'What you need done to a license or subscription', false, 17, false,
    '[{"name":"License resend","value":"license_resend"},{"name":"E-mail change","value":"email_change"},{"name":"Renewal question","value":"renewal_question"},{"name":"Other","value":"other"}]');
update ticket_forms set ticket_field_ids = ticket_field_ids || '{360012194200,360012194320}'::bigint[], updated_at = now()
 where id = 360000071293;
