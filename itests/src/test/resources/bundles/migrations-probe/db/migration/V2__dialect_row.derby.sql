INSERT INTO cw_it_probe (id, label) VALUES (2, 'derby');
