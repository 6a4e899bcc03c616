-- Backfill in batches
--
-- Revision ID: c00000000037
-- Revises: c00000000036
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
UPDATE users SET active = true WHERE id IN (SELECT id FROM users WHERE active IS NULL LIMIT 1000);
