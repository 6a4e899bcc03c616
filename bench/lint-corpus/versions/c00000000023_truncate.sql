-- Truncate
--
-- Revision ID: c00000000023
-- Revises: c00000000022
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
TRUNCATE TABLE audit_log CASCADE;
