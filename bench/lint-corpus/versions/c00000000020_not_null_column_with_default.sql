-- Not null column with default
--
-- Revision ID: c00000000020
-- Revises: c00000000019
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;
