-- Create notes table
--
-- Revision ID: 1975ea83b712
-- Revises:
-- Create Date: 2026-11-22 11:40:27.089406
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    text VARCHAR(100),
    completed BOOLEAN
);

-- migrate:upgrade dialect=postgresql
CREATE TABLE notes (
    id SERIAL PRIMARY KEY,
    text VARCHAR(100),
    completed BOOLEAN
);

-- migrate:upgrade dialect=mysql
CREATE TABLE notes (
    id INTEGER AUTO_INCREMENT PRIMARY KEY,
    text VARCHAR(100),
    completed BOOLEAN
);

-- migrate:downgrade
DROP TABLE notes;
