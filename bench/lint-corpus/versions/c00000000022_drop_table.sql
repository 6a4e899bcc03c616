-- Drop table
--
-- Revision ID: c00000000022
-- Revises: c00000000021
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
DROP TABLE IF EXISTS legacy_sessions;
