-- Set not null through check
--
-- Revision ID: c00000000013
-- Revises: c00000000012
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_locale_not_null CHECK (locale IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_locale_not_null;
ALTER TABLE users ALTER COLUMN locale SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_locale_not_null;
