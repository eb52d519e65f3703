-- Offline sync (docs/offline.md): a child registered on a phone carries the phone's UUID, and a
-- registration may arrive more than once (a retry after a lost answer, a duplicated delivery).
-- payload_hash identifies what was registered under that id, as measurement.payload_hash does:
-- the same id with the same body is answered with the stored child, with another body refused
-- (child_conflict). Null for children that did not come through registerChild (imports, demo).

alter table child add column payload_hash text;
