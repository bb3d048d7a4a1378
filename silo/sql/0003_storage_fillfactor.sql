-- Grain state rows are rewritten several times each (a ticket on submit, assign and resolve; its
-- agent on every assignment and release). With the default fillfactor of 100 every page is packed
-- full, so a new row version rarely fits on its own page and must also be entered in both indexes
-- of the table. Leaving 30 % of each page free lets PostgreSQL make these heap-only (HOT) updates:
-- none of the indexed columns change, so no index is written, and the old versions are pruned
-- in place without waiting for vacuum. Takes effect for pages written from now on.
ALTER TABLE orleans_storage SET (fillfactor = 70);
