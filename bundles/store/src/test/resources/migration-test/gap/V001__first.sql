-- first test migration
CREATE TABLE mt_first (
    id INT NOT NULL,
    label VARCHAR(20),
    CONSTRAINT pk_mt_first PRIMARY KEY (id)
);

INSERT INTO mt_first (id, label) VALUES (1, 'one');
