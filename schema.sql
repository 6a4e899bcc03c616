-- The declared schema of the example `notes` app (SQLite, the example's
-- database). `migrate check` compares it with the database at head;
-- `migrate revision --autogenerate -m "..."` writes the revision that gets
-- the database there after you edit this file.

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    text VARCHAR(100),
    completed BOOLEAN
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);
