-- Index concurrently in transaction
--
-- Revision ID: c00000000006
-- Revises: c00000000005
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY users_display_name ON users (display_name);
