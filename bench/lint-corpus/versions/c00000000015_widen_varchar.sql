-- Widen varchar
--
-- Revision ID: c00000000015
-- Revises: c00000000014
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ALTER COLUMN note TYPE varchar(500);
