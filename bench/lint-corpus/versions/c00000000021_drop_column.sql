-- Drop column
--
-- Revision ID: c00000000021
-- Revises: c00000000020
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users DROP COLUMN display_name;
