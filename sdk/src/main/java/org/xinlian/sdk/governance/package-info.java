/**
 * Consortium governance from an application (docs/spec/governance.md GOV-17): typed proposals,
 * votes, offline votes signed on either suite, and the {@code xinlian_} reads. A client only, like
 * the rest of the SDK: the contract's ABI and the vote digest are implemented here again, not taken
 * from the node's modules, and a node test checks that both agree.
 */
package org.xinlian.sdk.governance;
