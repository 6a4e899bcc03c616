-- Drop index
--
-- Revision ID: c00000000031
-- Revises: c00000000030
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
DROP INDEX users_created_at;
