CREATE TABLE mt_second (id INT NOT NULL, first_id INT NOT NULL);
INSERT INTO mt_second (id, first_id) SELECT id, id FROM mt_first;
