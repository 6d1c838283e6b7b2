CREATE TABLE mt_broken (id INT NOT NULL);
INSERT INTO mt_broken (id) VALUES (1);
INSERT INTO no_such_table (id) VALUES (1);
