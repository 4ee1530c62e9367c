-- issue #11 item 6: the node whose staging holds an unfinished Support Uploader upload (jobs.NodeName, host:port/id), so a
-- node that cannot reach those bytes says where they are and tells the client to start again, instead of failing
alter table tus_uploads add column staged_on text;
