-- Gin index on existing
--
-- Revision ID: c00000000048
-- Revises: c00000000047
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
CREATE EXTENSION IF NOT EXISTS pg_trgm;
SET lock_timeout = '5s';
CREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);
