/**
 * The {@code xinlian_} JSON-RPC methods that read consortium governance (docs/spec/governance.md
 * GOV-16): one class per method, each reading the governance system contract's storage through
 * {@link org.xinlian.execution.governance.GovernanceState} at a block.
 */
package org.xinlian.rpc.governance;
