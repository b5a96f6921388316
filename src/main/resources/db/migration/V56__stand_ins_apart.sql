-- The stand-ins' tables leave the schema every deployment shares: what the local SMS and email
-- gateways "sent" (OTPs and reset links in plain text) and the stand-in payment provider's books
-- exist only where a stand-in runs, the sandbox or a staging deployment that names it
-- (prakerja.stand-ins). There database/StandInTables creates them after each migration, from
-- db/stand-ins; a production database has none.
DROP TABLE IF EXISTS gateway_message;
DROP TABLE IF EXISTS provider_directory;
DROP TABLE IF EXISTS provider_payment;
DROP TABLE IF EXISTS provider_refusal;
DROP TABLE IF EXISTS provider_failure;
