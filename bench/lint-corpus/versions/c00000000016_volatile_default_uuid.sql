-- Volatile default uuid
--
-- Revision ID: c00000000016
-- Revises: c00000000015
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
