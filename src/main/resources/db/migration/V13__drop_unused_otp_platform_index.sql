-- No query reads OTP challenges by platform (the per-platform rate limit is counted in memory),
-- so this index only cost an entry on every OTP request.
DROP INDEX IF EXISTS otp_challenge_platform;
