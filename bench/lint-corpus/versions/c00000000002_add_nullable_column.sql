-- Add nullable column
--
-- Revision ID: c00000000002
-- Revises: c00000000001
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
ALTER TABLE users ADD COLUMN display_name text;
