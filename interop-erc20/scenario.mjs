// The ethers.js v6 real-client scenario of issue 5, runnable against ANY Ethereum JSON-RPC endpoint:
//   node scenario.mjs <rpcUrl> <wsUrl> <privateKeyHex> <recipientAddress>
// It needs build/XinlianToken.json (node compile.mjs) and a funded key. It prints exactly one JSON
// line { ok, checks: [{ name, ok, detail }], ... } and exits 0 only if every check passed; the
// first failing check stops the run and names itself, so a failure says which step broke.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ethers } from "ethers";

const SCENARIO_SECONDS_MAX = 45;
const EVENT_SECONDS_MAX = 20;
const POLLING_MILLISECONDS = 200;
const DECIMALS = 18n;
const INITIAL_SUPPLY = 1_000_000n * 10n ** DECIMALS;
const AMOUNT = 100n * 10n ** DECIMALS;
const REVERT_REASON = "xinlian: failing on purpose";
// selector of Error(string): keccak256("Error(string)")[0..4], Solidity ABI specification
const ERROR_STRING_SELECTOR = "0x08c379a0";

const here = path.dirname(fileURLToPath(import.meta.url));
const checks = [];
const facts = {};
let wsProvider;

function json(value) {
  return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v));
}

let finished = false;
let running = null;

function finish(ok, failure) {
  if (finished) return;
  finished = true;
  const line = { ok, checks, ...facts };
  if (failure) line.failure = failure;
  console.log(json(line));
  const destroying = wsProvider ? Promise.resolve(wsProvider.destroy()).catch(() => {}) : Promise.resolve();
  destroying.finally(() => process.exit(ok ? 0 : 1));
}

// Each check either returns a detail (passed) or throws (failed, with the reason).
async function check(name, body) {
  let detail;
  running = name;
  try {
    detail = await body();
  } catch (error) {
    checks.push({ name, ok: false, detail: describe(error) });
    throw new StopScenario(name);
  }
  checks.push({ name, ok: true, detail: detail ?? null });
  return detail;
}

class StopScenario extends Error {}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function describe(error) {
  if (error && typeof error === "object") {
    const parts = [error.shortMessage ?? error.message];
    if (error.code) parts.push("code=" + error.code);
    if (error.info?.error) parts.push("rpc=" + json(error.info.error));
    return parts.join(" ");
  }
  return String(error);
}

function withTimeout(promise, seconds, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(what + " did not happen within " + seconds + " s")), seconds * 1000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const [rpcUrl, wsUrl, privateKey, recipientArgument] = process.argv.slice(2);
  if (!rpcUrl || !wsUrl || !privateKey || !recipientArgument) {
    console.error("usage: node scenario.mjs <rpcUrl> <wsUrl> <privateKeyHex> <recipientAddress>");
    process.exit(2);
  }
  const artifact = JSON.parse(fs.readFileSync(path.join(here, "build", "XinlianToken.json"), "utf8"));
  const recipient = ethers.getAddress(recipientArgument);
  // No response cache: with one, back-to-back sends can reuse a stale "pending" nonce.
  const provider = new ethers.JsonRpcProvider(rpcUrl, undefined, { cacheTimeout: -1 });
  provider.pollingInterval = POLLING_MILLISECONDS;
  const wallet = new ethers.Wallet(privateKey, provider);
  facts.endpoint = rpcUrl;
  facts.compiler = artifact.compiler;

  await check("connect", async () => {
    const network = await provider.getNetwork();
    facts.chainId = network.chainId;
    facts.clientVersion = await provider.send("web3_clientVersion", []);
    return { chainId: network.chainId, clientVersion: facts.clientVersion };
  });

  await check("deploy", async () => {
    const factory = new ethers.ContractFactory(artifact.abi, artifact.bytecode, wallet);
    const contract = await factory.deploy(INITIAL_SUPPLY);
    const receipt = await contract.deploymentTransaction().wait();
    expect(receipt.status === 1, "deployment receipt status " + receipt.status);
    const address = await contract.getAddress();
    expect(receipt.contractAddress === address, "receipt contractAddress " + receipt.contractAddress + " != " + address);
    const code = await provider.getCode(address);
    expect(code.length > 2, "no code at " + address);
    facts.token = address;
    return { address, hash: receipt.hash, gasUsed: receipt.gasUsed };
  });
  const token = new ethers.Contract(facts.token, artifact.abi, wallet);

  const firstTransfer = await check("transfer", async () => {
    const tx = await token.transfer(recipient, AMOUNT);
    const receipt = await tx.wait();
    expect(receipt.status === 1, "transfer receipt status " + receipt.status);
    return { hash: receipt.hash, blockNumber: receipt.blockNumber, gasUsed: receipt.gasUsed };
  });

  await check("balances", async () => {
    const ours = await token.balanceOf(wallet.address);
    const theirs = await token.balanceOf(recipient);
    expect(ours === INITIAL_SUPPLY - AMOUNT, "sender balance " + ours + ", expected " + (INITIAL_SUPPLY - AMOUNT));
    expect(theirs === AMOUNT, "recipient balance " + theirs + ", expected " + AMOUNT);
    return { sender: ours, recipient: theirs };
  });

  await check("getLogs Transfer", async () => {
    const event = token.interface.getEvent("Transfer");
    const logs = await provider.getLogs({
      address: facts.token,
      topics: [event.topicHash, ethers.zeroPadValue(wallet.address, 32), ethers.zeroPadValue(recipient, 32)],
      fromBlock: firstTransfer.blockNumber,
      toBlock: firstTransfer.blockNumber,
    });
    expect(logs.length === 1, "expected 1 Transfer log, got " + logs.length);
    const log = logs[0];
    expect(log.transactionHash === firstTransfer.hash, "log of transaction " + log.transactionHash);
    const parsed = token.interface.parseLog(log);
    expect(parsed.args.value === AMOUNT, "logged value " + parsed.args.value);
    expect(ethers.getAddress(parsed.args.to) === recipient, "logged recipient " + parsed.args.to);
    return { blockNumber: log.blockNumber, logIndex: log.index, value: parsed.args.value };
  });

  await check("WebSocket Transfer subscription", async () => {
    wsProvider = new ethers.WebSocketProvider(wsUrl);
    // ethers starts eth_subscribe without waiting for it; observing its answer ensures the
    // second transfer cannot happen before the subscription exists (which would lose the event).
    const originalSend = wsProvider.send.bind(wsProvider);
    let subscribed;
    const subscription = new Promise((resolve) => (subscribed = resolve));
    wsProvider.send = async (method, params) => {
      const result = await originalSend(method, params);
      if (method === "eth_subscribe") subscribed(result);
      return result;
    };
    const watched = new ethers.Contract(facts.token, artifact.abi, wsProvider);
    let delivered;
    const received = new Promise((resolve) => (delivered = resolve));
    // With a topic filter (rather than an event name) ethers v6 hands the listener only the
    // ContractEventPayload, whose args hold the decoded from, to and value.
    await watched.on(watched.filters.Transfer(wallet.address, recipient), (...received) => {
      const payload = received[received.length - 1];
      delivered({ value: payload.args.value, transactionHash: payload.log.transactionHash });
    });
    const subscriptionId = await withTimeout(subscription, EVENT_SECONDS_MAX, "eth_subscribe answer");
    const tx = await token.transfer(recipient, AMOUNT);
    const receipt = await tx.wait();
    expect(receipt.status === 1, "second transfer receipt status " + receipt.status);
    const event = await withTimeout(received, EVENT_SECONDS_MAX, "Transfer event over WebSocket");
    expect(event.transactionHash === receipt.hash, "event of transaction " + event.transactionHash + " != " + receipt.hash);
    expect(event.value === AMOUNT, "event value " + event.value);
    await watched.removeAllListeners();
    return { subscriptionId, transactionHash: event.transactionHash, value: event.value };
  });

  await check("revert reason Error(string)", async () => {
    try {
      await token.failWith.staticCall();
    } catch (error) {
      expect(error.code === "CALL_EXCEPTION", "error code " + error.code + ": " + describe(error));
      expect(error.reason === REVERT_REASON, "reason " + JSON.stringify(error.reason) + ": " + describe(error));
      expect(typeof error.data === "string" && error.data.startsWith(ERROR_STRING_SELECTOR), "revert data " + error.data);
      return { reason: error.reason };
    }
    throw new Error("failWith() did not revert");
  });

  await check("revert custom error", async () => {
    // The recipient holds 200 tokens, so asking it to send 201 trips ERC20InsufficientBalance.
    const asRecipient = token.connect(new ethers.VoidSigner(recipient, provider));
    try {
      await asRecipient.transfer.staticCall(wallet.address, 2n * AMOUNT + 1n);
    } catch (error) {
      expect(error.code === "CALL_EXCEPTION", "error code " + error.code + ": " + describe(error));
      expect(error.revert?.name === "ERC20InsufficientBalance", "decoded revert " + json(error.revert) + ": " + describe(error));
      expect(error.revert.args[1] === 2n * AMOUNT, "reported balance " + error.revert.args[1]);
      return { error: error.revert.signature };
    }
    throw new Error("over-balance transfer did not revert");
  });

  await check("estimateGas then send with exactly that limit", async () => {
    const estimate = await token.transfer.estimateGas(recipient, AMOUNT);
    const tx = await token.transfer(recipient, AMOUNT, { gasLimit: estimate });
    expect(tx.gasLimit === estimate, "sent gas limit " + tx.gasLimit + " != estimate " + estimate);
    const receipt = await tx.wait();
    expect(receipt.status === 1, "receipt status " + receipt.status + " with gas limit " + estimate);
    expect(receipt.gasUsed <= estimate, "gas used " + receipt.gasUsed + " > " + estimate);
    expect((await token.balanceOf(recipient)) === 3n * AMOUNT, "recipient balance after third transfer");
    return { estimate, gasUsed: receipt.gasUsed };
  });
}

// Socket failures surface as 'error' events outside any await; they still belong to the running check.
function failRunning(error) {
  checks.push({ name: running ?? "scenario", ok: false, detail: describe(error) });
  finish(false, "check failed: " + (running ?? "scenario"));
}
process.on("uncaughtException", failRunning);
process.on("unhandledRejection", failRunning);

const guard = setTimeout(() => finish(false, "scenario did not finish within " + SCENARIO_SECONDS_MAX + " s"), SCENARIO_SECONDS_MAX * 1000);
main().then(
  () => { clearTimeout(guard); finish(checks.every((c) => c.ok)); },
  (error) => {
    clearTimeout(guard);
    finish(false, error instanceof StopScenario ? "check failed: " + error.message : describe(error));
  });
