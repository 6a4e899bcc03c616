-- Int and timestamp table
--
-- Revision ID: c00000000040
-- Revises: c00000000039
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
CREATE TABLE events (
    id serial PRIMARY KEY,
    name varchar(255),
    happened_at timestamp
);
