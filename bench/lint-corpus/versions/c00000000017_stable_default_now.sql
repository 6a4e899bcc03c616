-- Stable default now
--
-- Revision ID: c00000000017
-- Revises: c00000000016
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN placed_at timestamptz DEFAULT now();
