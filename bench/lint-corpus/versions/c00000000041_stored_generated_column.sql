-- Stored generated column
--
-- Revision ID: c00000000041
-- Revises: c00000000040
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE purchases ADD COLUMN total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED;
