-- Create orders
--
-- Revision ID: c00000000007
-- Revises: c00000000006
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id bigint,
    total numeric(12, 2) NOT NULL,
    note varchar(100)
);
