-- Indexes that keep per-row lookups cheap however much data there is (found with EXPLAIN QUERY
-- PLAN over every statement on a database with 200,000 registrations):
-- the registration history shows which row corrected which (a lookup by corrects_id, per row);
-- a decided leave request lists its verlof registrations (by leave_request_id);
-- the log-in throttle counts failed log-ins per address over all accounts.
CREATE INDEX registration_corrects ON registration(corrects_id) WHERE corrects_id IS NOT NULL;
CREATE INDEX registration_leave ON registration(leave_request_id) WHERE leave_request_id IS NOT NULL;
CREATE INDEX login_failure_address ON login_failure(address, at);
