-- Drop not null
--
-- Revision ID: c00000000038
-- Revises: c00000000037
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
