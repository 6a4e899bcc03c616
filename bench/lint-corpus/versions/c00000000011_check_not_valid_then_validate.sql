-- Check not valid then validate
--
-- Revision ID: c00000000011
-- Revises: c00000000010
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_note_short CHECK (length(note) < 80) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_short;
