// Signs a fixed set of Ethereum transactions with ethers.js v6 and prints them as JSON, so the
// Java tests can check Xinlian's codec against an independent implementation: the same raw
// envelope, hash and sender, and a byte-identical signature (RFC 6979 is deterministic).
// Usage: node sign-transactions.mjs > fixtures.json
import { Transaction, Wallet, hexlify } from "ethers";

const KEYS = [
  "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318",
  "0x0000000000000000000000000000000000000000000000000000000000000001",
  "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
];
const TO = "0x095e7baea6a6c7c4c2dfeb977efac326af552d87";
const UINT256_MAX = (1n << 256n) - 1n;

function pattern(length) {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    bytes[i] = (i * 31 + 7) % 256;
  }
  return hexlify(bytes);
}

const CASES = [
  { name: "legacy EIP-155 transfer, empty data", key: 0,
    tx: { type: 0, chainId: 1n, nonce: 0, gasPrice: 20000000000n, gasLimit: 21000n, to: TO,
      value: 10n ** 18n, data: "0x" } },
  { name: "legacy pre-EIP-155 (v = 27/28)", key: 1,
    tx: { type: 0, chainId: 0n, nonce: 9, gasPrice: 1n, gasLimit: 100000n, to: TO,
      value: 0n, data: "0xdeadbeef" } },
  { name: "legacy contract creation, large chain id", key: 2,
    tx: { type: 0, chainId: 4294967295n, nonce: 1, gasPrice: 7n, gasLimit: 3000000n, to: null,
      value: 0n, data: pattern(200) } },
  { name: "EIP-2930 with access list", key: 0,
    tx: { type: 1, chainId: 1n, nonce: 42, gasPrice: 1000000000n, gasLimit: 80000n, to: TO,
      value: 5n, data: "0x00010203",
      accessList: [
        { address: TO, storageKeys: [
          "0x0000000000000000000000000000000000000000000000000000000000000000",
          "0x00000000000000000000000000000000000000000000000000000000000000ff"] },
        { address: "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae", storageKeys: [] },
      ] } },
  { name: "EIP-2930 contract creation, empty access list", key: 1,
    tx: { type: 1, chainId: 20250101n, nonce: 0, gasPrice: 0n, gasLimit: 60000n, to: null,
      value: 0n, data: "0x6080604052", accessList: [] } },
  { name: "EIP-1559 transfer with big values", key: 2,
    tx: { type: 2, chainId: 1n, nonce: 9007199254740990, maxPriorityFeePerGas: 2n ** 200n,
      maxFeePerGas: 2n ** 220n, gasLimit: 21000n, to: TO, value: UINT256_MAX, data: "0x" } },
  { name: "EIP-1559 contract creation with large data", key: 0,
    tx: { type: 2, chainId: 1337n, nonce: 3, maxPriorityFeePerGas: 1500000000n,
      maxFeePerGas: 30000000000n, gasLimit: 5000000n, to: null, value: 0n,
      data: pattern(24576) } },
  { name: "EIP-1559 with access list and zero fees", key: 1,
    tx: { type: 2, chainId: 5n, nonce: 1, maxPriorityFeePerGas: 0n, maxFeePerGas: 0n,
      gasLimit: 30000n, to: TO, value: 1n, data: "0x01",
      accessList: [{ address: TO, storageKeys: [
        "0x1111111111111111111111111111111111111111111111111111111111111111"] }] } },
];

const out = [];
for (const testCase of CASES) {
  const wallet = new Wallet(KEYS[testCase.key]);
  const tx = Transaction.from(testCase.tx);
  tx.signature = wallet.signingKey.sign(tx.unsignedHash);
  const signed = Transaction.from(tx.serialized);
  out.push({
    name: testCase.name,
    privateKey: KEYS[testCase.key],
    raw: signed.serialized,
    signingPayload: signed.unsignedSerialized,
    hash: signed.hash,
    from: signed.from.toLowerCase(),
    type: signed.type,
    chainId: signed.chainId.toString(),
    nonce: signed.nonce.toString(),
    gasLimit: signed.gasLimit.toString(),
    gasPrice: signed.type === 2 ? null : signed.gasPrice.toString(),
    maxPriorityFeePerGas: signed.type === 2 ? signed.maxPriorityFeePerGas.toString() : null,
    maxFeePerGas: signed.type === 2 ? signed.maxFeePerGas.toString() : null,
    to: signed.to === null ? null : signed.to.toLowerCase(),
    value: signed.value.toString(),
    data: signed.data,
    accessList: signed.type === 0 ? [] : signed.accessList.map((entry) => ({
      address: entry.address.toLowerCase(), storageKeys: entry.storageKeys })),
    yParity: signed.signature.yParity,
    r: signed.signature.r,
    s: signed.signature.s,
  });
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
