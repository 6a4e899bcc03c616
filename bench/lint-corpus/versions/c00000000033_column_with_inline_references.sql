-- Column with inline references
--
-- Revision ID: c00000000033
-- Revises: c00000000032
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
SET lock_timeout = '5s';
ALTER TABLE purchases ADD COLUMN coupon_id bigint REFERENCES coupons (id);
