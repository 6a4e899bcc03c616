-- Unique using index
--
-- Revision ID: c00000000029
-- Revises: c00000000028
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ADD CONSTRAINT users_locale_email_unique UNIQUE USING INDEX users_locale_email;
