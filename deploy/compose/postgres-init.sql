-- PostgreSQL for docker-compose.yml, run once when the data volume is new (/docker-entrypoint-initdb.d).
-- Each service its own database and user (ARCHITECTURE.md); Flyway creates the tables when the service starts.
-- Database names are those of the services' application.yml defaults. Demo passwords: one machine only.
CREATE ROLE profile LOGIN PASSWORD 'profile-demo';
CREATE DATABASE profile OWNER profile;

CREATE ROLE notebook LOGIN PASSWORD 'notebook-demo';
CREATE DATABASE notebook OWNER notebook;

CREATE ROLE volume LOGIN PASSWORD 'volume-demo';
CREATE DATABASE volume OWNER volume;

CREATE ROLE catalog LOGIN PASSWORD 'catalog-demo';
CREATE DATABASE catalog OWNER catalog;

CREATE ROLE auth LOGIN PASSWORD 'auth-demo';
CREATE DATABASE auth OWNER auth;

-- nobody but the owner in each database
REVOKE ALL ON DATABASE profile, notebook, volume, catalog, auth FROM PUBLIC;
