/**
 * A node: configuration, lifecycle and wiring of the store, genesis, transaction pool, execution
 * port, block production and JSON-RPC. No business logic lives here; each part is in its layer.
 */
package org.xinlian.node;
