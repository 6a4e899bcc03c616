-- Table and index together
--
-- Revision ID: c00000000034
-- Revises: c00000000033
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
CREATE TABLE coupons2 (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL
);
CREATE INDEX coupons2_code ON coupons2 (code);
ALTER TABLE coupons2 ADD CONSTRAINT coupons2_code_short CHECK (length(code) < 40);
