-- Add primary key
--
-- Revision ID: c00000000030
-- Revises: c00000000029
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE audit_log ADD PRIMARY KEY (id);
