/**
 * The minimal contract ABI the SDK's users need for tokens: selectors, static words and revert
 * reasons. Kept apart from the client so the client stays free of contract knowledge.
 */
package org.xinlian.sdk.abi;
