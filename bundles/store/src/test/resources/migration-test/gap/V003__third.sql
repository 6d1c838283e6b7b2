CREATE TABLE mt_third (id INT NOT NULL);
INSERT INTO mt_third (id) VALUES (3);
