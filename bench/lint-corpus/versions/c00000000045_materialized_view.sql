-- Materialized view
--
-- Revision ID: c00000000045
-- Revises: c00000000044
-- Create Date: 2026-12-03 10:00:00.000000
-- Branch Labels:
-- Depends On:

-- migrate:upgrade dialect=postgresql
CREATE MATERIALIZED VIEW user_totals AS SELECT user_id, sum(total) AS total FROM purchases GROUP BY user_id;
CREATE UNIQUE INDEX user_totals_user ON user_totals (user_id);
