// The ethers.js side of the key-file interoperability test (KeyFileEthersInteropTest).
//   node keystore.mjs decrypt <keyFile> <passwordFile>
//       prints {"address": ..., "privateKey": ...} as ethers reads a key file Xinlian wrote
//   node keystore.mjs encrypt <privateKeyHex> <passwordFile> <scryptN>
//       prints a Web3 Secret Storage v3 key file written by ethers, for Xinlian to open
// Passwords come from files so that any character survives the command line unchanged.
import { readFileSync } from "node:fs";
import { decryptKeystoreJsonSync, encryptKeystoreJsonSync, computeAddress, randomBytes } from "ethers";

const [command, ...args] = process.argv.slice(2);
const readPassword = (path) => readFileSync(path, "utf8");

if (command === "decrypt" && args.length === 2) {
  const account = decryptKeystoreJsonSync(readFileSync(args[0], "utf8"), readPassword(args[1]));
  console.log(JSON.stringify({ address: account.address, privateKey: account.privateKey }));
} else if (command === "encrypt" && args.length === 3) {
  const privateKey = args[0];
  const json = encryptKeystoreJsonSync(
    { address: computeAddress(privateKey), privateKey },
    readPassword(args[1]),
    { scrypt: { N: Number(args[2]), r: 8, p: 1 }, salt: randomBytes(32), iv: randomBytes(16) },
  );
  console.log(json);
} else {
  console.error("usage: keystore.mjs decrypt <keyFile> <passwordFile> | encrypt <privateKeyHex> <passwordFile> <scryptN>");
  process.exit(2);
}
