-- Add bigserial column
--
-- Revision ID: c00000000018
-- Revises: c00000000017
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN position bigserial;
