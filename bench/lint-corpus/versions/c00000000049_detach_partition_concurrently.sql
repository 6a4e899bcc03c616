-- Detach partition concurrently
--
-- Revision ID: c00000000049
-- Revises: c00000000048
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE measurements DETACH PARTITION measurements_2020 CONCURRENTLY;
