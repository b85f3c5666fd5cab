package org.xinlian.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.xinlian.common.Address;
import org.xinlian.common.Clock;
import org.xinlian.common.Hex;
import org.xinlian.rpc.RpcServerConfig;

/**
 * The development chain of {@code xinlian dev} (NODE-5): what anvil and Hardhat Network offer, so
 * ethers.js, web3j and Hardhat projects connect to http://127.0.0.1:8545 without configuration.
 *
 * <p>Chain id 31337 (anvil's and Hardhat's), the standard suite, a 30,000,000 gas block limit and
 * Ethereum fees with a constant base fee of zero: wallets always name a fee, and with base fee zero
 * whatever they name is enough to be included, while gas is still paid for and metered as on
 * Ethereum. The ten accounts of the public test mnemonic hold 10,000 ether each.
 */
public final class DevChain {
  public static final long CHAIN_ID = 31_337;
  public static final long BLOCK_GAS_LIMIT = 30_000_000;
  /** 10,000 ether in wei, anvil's and Hardhat's default balance. */
  public static final BigInteger ACCOUNT_BALANCE_WEI = BigInteger.TEN.pow(22);
  public static final String MNEMONIC = "test test test test test test test test test test test junk";
  /** The genesis file inside a dev data directory. */
  public static final String GENESIS_FILE_NAME = "genesis.json";
  /** The RocksDB ledger inside a dev data directory. */
  public static final String LEDGER_DIRECTORY_NAME = "ledger";

  /**
   * One account of the test mnemonic.
   *
   * @param privateKey the 32-byte secp256k1 private key as 0x hex
   */
  public record DevAccount(Address address, String privateKey) {}

  /**
   * The accounts at m/44'/60'/0'/0/0 to m/44'/60'/0'/0/9 of {@link #MNEMONIC}. These keys are
   * public knowledge: anvil and Hardhat print them at every start. Never send real funds to them.
   * Copied from anvil's start-up output; DevChainTest re-derives each address from its key.
   */
  public static final List<DevAccount> ACCOUNTS = List.of(
      account("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
          "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"),
      account("0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
          "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"),
      account("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
          "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"),
      account("0x90F79bf6EB2c4f870365E785982E1f101E93b906",
          "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"),
      account("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
          "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a"),
      account("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
          "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba"),
      account("0x976EA74026E726554dB657fA54763abd0C3a0aa9",
          "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e"),
      account("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
          "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356"),
      account("0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
          "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97"),
      account("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
          "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6"));

  private DevChain() {}

  private static DevAccount account(String address, String privateKey) {
    return new DevAccount(Address.fromHex(address), privateKey);
  }

  /** The private key of account {@code index} as bytes, for signing in tests and tools. */
  public static byte[] privateKey(int index) {
    return Hex.decode(ACCOUNTS.get(index).privateKey());
  }

  /**
   * The dev genesis. The coinbase (the single validator) is the zero address, as anvil's default,
   * so priority fees never change a test account's balance.
   */
  public static String genesisJson(long timestampSeconds) {
    StringBuilder alloc = new StringBuilder();
    for (DevAccount account : ACCOUNTS) {
      alloc.append(alloc.length() == 0 ? "" : ",\n").append("    \"").append(account.address())
          .append("\": {\"balance\": \"").append(ACCOUNT_BALANCE_WEI).append("\"}");
    }
    return "{\n  \"chainId\": " + CHAIN_ID + ",\n  \"suite\": \"standard\",\n"
        + "  \"timestamp\": " + timestampSeconds + ",\n"
        + "  \"blockGasLimit\": " + BLOCK_GAS_LIMIT + ",\n"
        + "  \"feeMode\": \"ethereum\",\n  \"baseFeePerGas\": \"0\",\n"
        + "  \"validators\": [\"" + Address.ZERO + "\"],\n"
        + "  \"alloc\": {\n" + alloc + "\n  }\n}\n";
  }

  /**
   * The configuration of a dev node in {@code dataDirectory}, writing the dev genesis there on
   * first use; later starts reuse it, so the chain and its state survive restarts.
   */
  public static NodeConfig prepare(Path dataDirectory, int rpcPort, long minimumSpacingMs, Clock clock) {
    Path genesis = dataDirectory.resolve(GENESIS_FILE_NAME);
    try {
      Files.createDirectories(dataDirectory);
      if (!Files.exists(genesis)) {
        Path partial = dataDirectory.resolve(GENESIS_FILE_NAME + ".partial");
        Files.writeString(partial, genesisJson(clock.currentTimeMillis() / 1000), StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        // Renamed into place so a kill never leaves half a genesis that the next start refuses.
        Files.move(partial, genesis, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return NodeConfig.defaults(dataDirectory.resolve(LEDGER_DIRECTORY_NAME), genesis)
        .withRpc(RpcServerConfig.defaults().withPort(rpcPort))
        .withBlockProduction(new NodeConfig.BlockProduction(minimumSpacingMs, 0));
  }
}
