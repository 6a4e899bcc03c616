-- Not null column without default
--
-- Revision ID: c00000000019
-- Revises: c00000000018
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;
