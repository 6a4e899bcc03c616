-- Set not null directly
--
-- Revision ID: c00000000012
-- Revises: c00000000011
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL;
