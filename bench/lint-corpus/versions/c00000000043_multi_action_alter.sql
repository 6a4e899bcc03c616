-- Multi action alter
--
-- Revision ID: c00000000043
-- Revises: c00000000042
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE purchases
    ADD COLUMN shipped_by bigint,
    ADD CONSTRAINT purchases_shipped_by_fk FOREIGN KEY (shipped_by) REFERENCES users (id);
