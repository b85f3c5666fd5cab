/**
 * Applying one transaction: validity, fee purchase, intrinsic gas, warm sets, refunds and fee
 * payout.
 */
package org.xinlian.evm.transaction;
