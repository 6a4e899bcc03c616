-- Enum add value
--
-- Revision ID: c00000000044
-- Revises: c00000000043
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
CREATE TYPE order_state AS ENUM ('new', 'paid');
ALTER TYPE order_state ADD VALUE 'shipped';
