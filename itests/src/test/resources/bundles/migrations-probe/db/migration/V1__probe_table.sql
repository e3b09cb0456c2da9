-- a table owned by the test bundle org.casework.itests.migrations
CREATE TABLE cw_it_probe (
  id INTEGER NOT NULL PRIMARY KEY,
  label VARCHAR(40) NOT NULL
);
INSERT INTO cw_it_probe (id, label) VALUES (1, 'plain');
