-- A database per TipReferral service: each owns its data, and Marten's async daemon of one
-- service never waits on the open transactions of another (deploy/infra/env.sh says why).
-- Keep in step with TIPREFERRAL_PG_SERVICE_DATABASES and the services' connection strings.
CREATE DATABASE tipreferral_identification;
CREATE DATABASE tipreferral_shelter;
CREATE DATABASE tipreferral_legal;
CREATE DATABASE tipreferral_repatriation;
