-- Drop schema
--
-- Revision ID: c00000000024
-- Revises: c00000000023
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
DROP SCHEMA IF EXISTS reporting CASCADE;
