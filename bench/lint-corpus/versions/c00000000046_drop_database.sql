-- Drop database
--
-- Revision ID: c00000000046
-- Revises: c00000000045
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
DROP DATABASE old_app;
