-- Char column
--
-- Revision ID: c00000000039
-- Revises: c00000000038
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN country char(2);
