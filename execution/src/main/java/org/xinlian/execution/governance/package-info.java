/**
 * Validator set changes by a transaction signed by a quorum of the current validators
 * (docs/adr/0009, docs/spec/execution.md EXECUTION-10 to EXECUTION-12): the update's strict
 * encoding and signed digest, the system contract that checks and records it in state, and the
 * history of validator epochs that consensus reads.
 */
package org.xinlian.execution.governance;
