-- UI-1 operations console (#16): the organizations and users lists are read in name order in keyset pages, and searched
-- by the beginning of a name (or of an e-mail address). Byte order ("C") lets one index serve both the order and the
-- prefix range, so a search among 100k partner organizations reads only the rows it shows.
create index organizations_by_name on organizations ((lower(name) collate "C"), id);
create index users_by_name on users ((lower(name) collate "C"), id);
create index users_by_email on users ((lower(email) collate "C"), id);
