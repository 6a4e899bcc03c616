-- Index without concurrently
--
-- Revision ID: c00000000004
-- Revises: c00000000003
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
CREATE INDEX users_created_at ON users (created_at);
