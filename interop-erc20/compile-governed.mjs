// Compiles the governed proxy (../contracts/GovernedProxy.sol, docs/spec/governance.md GOV-13) and
// the counters GovernedProxyTest upgrades between (contracts/GovernedCounter.sol) with the pinned
// solc and the settings of compile.mjs (EVM version cancun, optimizer on), and writes
// build/Governed.json = { compiler, contracts: { Name: { abi, bytecode } } }. The CLI embeds the
// proxy's creation code; GovernedProxyTest recompiles it here and compares.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");
const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCES = {
  "contracts/GovernedProxy.sol": path.join(here, "..", "contracts", "GovernedProxy.sol"),
  "contracts/GovernedCounter.sol": path.join(here, "contracts", "GovernedCounter.sol"),
};

const sources = {};
for (const [name, file] of Object.entries(SOURCES)) {
  sources[name] = { content: fs.readFileSync(file, "utf8") };
}
const input = {
  language: "Solidity",
  sources,
  settings: {
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const contracts = {};
for (const source of Object.keys(SOURCES)) {
  for (const [name, contract] of Object.entries(output.contracts[source])) {
    contracts[name] = { source, abi: contract.abi, bytecode: "0x" + contract.evm.bytecode.object };
  }
}
const artifact = { compiler: solc.version(), evmVersion: "cancun", optimizerRuns: 200, contracts };
fs.mkdirSync(path.join(here, "build"), { recursive: true });
const target = path.join(here, "build", "Governed.json");
fs.writeFileSync(target, JSON.stringify(artifact, null, 2) + "\n");
console.log(JSON.stringify({ artifact: target, compiler: artifact.compiler, contracts: Object.keys(contracts) }));
