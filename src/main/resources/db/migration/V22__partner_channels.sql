-- TKT-9 a partner's special handling, shown to agents on its tickets; TKT-8 an alliance partner's #a_ chat channel
alter table organizations
    add column special_process  text check (length(special_process) <= 10000),
    add column chat_webhook_url text check (length(chat_webhook_url) <= 2000);
