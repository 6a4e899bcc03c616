-- Create users table
--
-- Revision ID: 3f2a9c1b7d4e
-- Revises: 1975ea83b712
-- Create Date: 2026-11-22 11:52:03.514220
-- Branch Labels:
-- Depends On:

-- migrate:upgrade
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name VARCHAR(100) NOT NULL UNIQUE
);

-- migrate:downgrade
DROP TABLE users;
