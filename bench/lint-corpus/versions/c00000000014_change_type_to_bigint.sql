-- Change type to bigint
--
-- Revision ID: c00000000014
-- Revises: c00000000013
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN total TYPE bigint USING (total * 100)::bigint;
