-- Fk not valid then validate
--
-- Revision ID: c00000000009
-- Revises: c00000000008
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk2;
