-- Unique index concurrently
--
-- Revision ID: c00000000028
-- Revises: c00000000027
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql transaction=false
CREATE UNIQUE INDEX CONCURRENTLY users_locale_email ON users (locale, email);
