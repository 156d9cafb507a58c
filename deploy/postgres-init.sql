-- Temporal keeps its own databases on the same PostgreSQL server.
CREATE DATABASE temporal OWNER portal;
CREATE DATABASE temporal_visibility OWNER portal;
