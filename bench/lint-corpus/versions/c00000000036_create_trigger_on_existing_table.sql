-- Create trigger on existing table
--
-- Revision ID: c00000000036
-- Revises: c00000000035
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
ALTER TABLE users ADD COLUMN updated_at timestamptz;
CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
