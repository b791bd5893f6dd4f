-- One counter per office, moved by every change to its years, divisions or projects (an import, a project saved), so
-- each host can keep them in memory and ask only this small row whether they are still current.
CREATE TABLE catalog_versions (
    office_id text PRIMARY KEY,
    version bigint NOT NULL
);
