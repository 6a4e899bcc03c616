-- Drop index concurrently
--
-- Revision ID: c00000000032
-- Revises: c00000000031
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql transaction=false
DROP INDEX CONCURRENTLY IF EXISTS users_locale;
