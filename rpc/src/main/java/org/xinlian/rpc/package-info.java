/**
 * Ethereum JSON-RPC 2.0 over HTTP and WebSocket, so ethers.js, web3j and Hardhat work unmodified.
 * Each method is one class that declares the permission it needs.
 */
package org.xinlian.rpc;
