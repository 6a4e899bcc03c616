-- Text to integer
--
-- Revision ID: c00000000047
-- Revises: c00000000046
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN locale SET DATA TYPE integer USING locale::integer;
