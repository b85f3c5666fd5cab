/**
 * The ledger on disk. {@link org.xinlian.ledger.LedgerNamespaces} is the storage schema; the
 * world state, block store, snapshots and verification each live in a sub-package and write only
 * the namespaces listed there, so one batch can carry a whole block.
 */
package org.xinlian.ledger;
