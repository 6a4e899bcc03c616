-- Index concurrently
--
-- Revision ID: c00000000005
-- Revises: c00000000004
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql transaction=false
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_locale ON users (locale);
