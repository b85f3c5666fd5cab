// Compiles contracts/XinlianToken.sol with the pinned solc (standard JSON, EVM version cancun,
// optimizer on) and writes build/XinlianToken.json = { abi, bytecode }. Compiling at test time
// keeps generated artifacts out of the repository; the pinned compiler makes the output deterministic.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const solc = require("solc");
const here = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = "contracts/XinlianToken.sol";

const input = {
  language: "Solidity",
  sources: { [SOURCE]: { content: fs.readFileSync(path.join(here, SOURCE), "utf8") } },
  settings: {
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};

// Imports such as "@openzeppelin/contracts/..." resolve inside node_modules, nowhere else.
function findImports(importPath) {
  const candidate = path.join(here, "node_modules", importPath);
  if (!candidate.startsWith(path.join(here, "node_modules") + path.sep) || !fs.existsSync(candidate)) {
    return { error: "not found: " + importPath };
  }
  return { contents: fs.readFileSync(candidate, "utf8") };
}

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
if (errors.length > 0) {
  for (const e of errors) console.error(e.formattedMessage);
  process.exit(1);
}
const contract = output.contracts[SOURCE].XinlianToken;
const artifact = {
  contractName: "XinlianToken",
  compiler: solc.version(),
  evmVersion: "cancun",
  abi: contract.abi,
  bytecode: "0x" + contract.evm.bytecode.object,
};
fs.mkdirSync(path.join(here, "build"), { recursive: true });
const target = path.join(here, "build", "XinlianToken.json");
fs.writeFileSync(target, JSON.stringify(artifact, null, 2) + "\n");
console.log(JSON.stringify({ artifact: target, compiler: artifact.compiler, bytecodeBytes: (artifact.bytecode.length - 2) / 2 }));
