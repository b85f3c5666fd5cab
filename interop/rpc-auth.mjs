// Connects ethers.js v6 to an authenticated Xinlian JSON-RPC endpoint (docs/ops/rpc-auth.md):
// the token goes in an Authorization header of ethers' FetchRequest; over https the node's
// certificate is checked against the consortium CA bundle (node certificates name nodes, not
// hosts, so the bundle is the pin and the host name is not compared).
// Usage: node rpc-auth.mjs URL CHAIN_ID TOKEN [CA_BUNDLE_PEM]   (prints {"chainId": ...} or {"error": ...})
import https from "https";
import { readFileSync } from "fs";
import { FetchRequest, JsonRpcProvider } from "ethers";

const [url, chainId, token, caFile] = process.argv.slice(2);
const request = new FetchRequest(url);
if (token) {
  request.setHeader("Authorization", `Bearer ${token}`);
}
if (caFile) {
  const agent = new https.Agent({ ca: readFileSync(caFile), checkServerIdentity: () => undefined });
  request.getUrlFunc = FetchRequest.createGetUrlFunc({ agent });
}
// A static network: ethers asks nothing before the call, so a refusal is the call's own.
const provider = new JsonRpcProvider(request, Number(chainId), { staticNetwork: true, batchMaxCount: 1 });
try {
  const chainId = await provider.send("eth_chainId", []);
  console.log(JSON.stringify({ chainId }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e.shortMessage ?? e.message), status: e.info?.responseStatus ?? null,
    body: e.info?.responseBody ?? null }));
} finally {
  provider.destroy();
  // Keep-alive sockets would hold the process until the server's idle timeout.
  process.exit(0);
}
