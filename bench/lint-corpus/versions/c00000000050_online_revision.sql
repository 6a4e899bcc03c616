-- Online revision
--
-- Revision ID: c00000000050
-- Revises: c00000000049
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE purchases ADD COLUMN refunded_by bigint;
ALTER TABLE purchases ADD CONSTRAINT purchases_refunded_by_fk FOREIGN KEY (refunded_by) REFERENCES users (id) NOT VALID;
ALTER TABLE purchases VALIDATE CONSTRAINT purchases_refunded_by_fk;
