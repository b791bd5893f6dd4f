-- What is known of each chat (gone or not, since when), as a record of its own; it was a "1" under
-- '<platform>:gone:<chat>' among the platforms' cursors in inbox_state.
CREATE TABLE chats (
    address text PRIMARY KEY,
    since timestamptz NOT NULL,
    json text NOT NULL
);

INSERT INTO chats (address, since, json)
SELECT split_part(key, ':gone:', 1) || ':' || split_part(key, ':gone:', 2), now(),
       json_build_object('Chat', json_build_object('Platform', split_part(key, ':gone:', 1), 'Id', split_part(key, ':gone:', 2)),
                         'Gone', value = '1', 'Since', now())::text
FROM inbox_state WHERE key LIKE '%:gone:%';

DELETE FROM inbox_state WHERE key LIKE '%:gone:%';
