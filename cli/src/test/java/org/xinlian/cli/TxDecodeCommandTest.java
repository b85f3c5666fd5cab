package org.xinlian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.Address;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.KeyPair;
import org.xinlian.types.transaction.Transaction;
import org.xinlian.types.transaction.TransactionCodec;
import org.xinlian.types.transaction.UnsignedTransaction;

/** {@code xinlian tx decode}, checked against ethers.js's reading of the same envelopes. */
class TxDecodeCommandTest {
  /** The signed example of EIP-155 ("Example" section: nonce 9, 20 gwei, chain id 1). */
  private static final String EIP155_EXAMPLE =
      "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
          + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f"
          + "761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

  /**
   * An EIP-1559 transaction with an access list, signed by ethers.js 6.17.0 with the EIP-155
   * example key 0x4646…46 (Transaction.from({...}), signingKey.sign(unsignedHash)).
   */
  private static final String ETHERS_1559 =
      "0x02f8b3820539078459682f008506fc23ac0082c35094095e7baea6a6c7c4c2dfeb977efac326af552d8789"
          + "06b14e9f812f366c3584a9059cbbf838f794de0b295669a9fd93d5f28d9ec85e40f4cb697baee1a00000"
          + "00000000000000000000000000000000000000000000000000000000000180a0e16e97889429b63e1fbe"
          + "e8b0e55038c089ee5fd4680e051f1d339bc54f51cbc2a0471778f0742d698d3cfa0c2e90752babfc575e"
          + "e25643f891a40f305b0d65155e";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path directory;

  private JsonNode decode(String... args) throws Exception {
    CliRun.Result result = new CliRun(directory).run(args);
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("", result.err());
    return MAPPER.readTree(result.out());
  }

  /** Expected values: ethers.js 6.17.0, Transaction.from(EIP155_EXAMPLE). */
  @Test
  void decodesTheEip155Example() throws Exception {
    JsonNode json = decode("tx", "decode", EIP155_EXAMPLE);
    assertEquals(0, json.get("type").intValue());
    assertEquals("1", json.get("chainId").textValue());
    assertEquals("9", json.get("nonce").textValue());
    assertEquals("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", json.get("from").textValue());
    assertEquals("0x3535353535353535353535353535353535353535", json.get("to").textValue());
    assertEquals("1000000000000000000", json.get("value").textValue());
    assertEquals(
        "0x33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788", json.get("hash").textValue());
    assertEquals("21000", json.get("gasLimit").textValue());
    assertEquals("20000000000", json.get("gasPrice").textValue());
    assertEquals("0x", json.get("data").textValue());
    assertEquals("37", json.get("v").textValue());
    assertEquals(
        "0x28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", json.get("r").textValue());
    assertEquals(
        "0x67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83", json.get("s").textValue());
    assertFalse(json.has("accessList"), "legacy transactions have no access list");
  }

  /** Expected values: ethers.js 6.17.0, the transaction it signed (see ETHERS_1559). */
  @Test
  void decodesAnEip1559TransactionWithAccessList() throws Exception {
    JsonNode json = decode("tx", "decode", ETHERS_1559.substring(2), "--suite", "standard");
    assertEquals(2, json.get("type").intValue());
    assertEquals("1337", json.get("chainId").textValue());
    assertEquals("7", json.get("nonce").textValue());
    assertEquals("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F", json.get("from").textValue());
    assertEquals("0x095E7BAea6a6c7c4c2DfeB977eFac326aF552d87", json.get("to").textValue());
    assertEquals("123456789012345678901", json.get("value").textValue());
    assertEquals(
        "0x19f8fc4d88dcaf79d8ccd671d13997bae7ddb3b65dcd6d2de17a338ac7d681d2", json.get("hash").textValue());
    assertEquals("50000", json.get("gasLimit").textValue());
    assertEquals("1500000000", json.get("maxPriorityFeePerGas").textValue());
    assertEquals("30000000000", json.get("maxFeePerGas").textValue());
    assertEquals("0xa9059cbb", json.get("data").textValue());
    assertEquals(0, json.get("yParity").intValue());
    JsonNode entry = json.get("accessList").get(0);
    // ethers.js getAddress of the lower-case address.
    assertEquals("0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", entry.get("address").textValue());
    assertEquals(
        "0x0000000000000000000000000000000000000000000000000000000000000001",
        entry.get("storageKeys").get(0).textValue());
  }

  /** gm envelopes (docs/adr/0002) decode with --suite gm, and only with it. */
  @Test
  void decodesGmTransactionsOnlyWithTheGmSuite() throws Exception {
    CryptoSuite gm = CryptoSuites.gm();
    KeyPair keyPair = gm.generateKeyPair(new SecureRandom());
    TransactionCodec codec = TransactionCodec.of(gm);
    Transaction transaction =
        codec.sign(
            new UnsignedTransaction.DynamicFee(
                20, 3, BigInteger.ONE, BigInteger.TEN, 21000,
                Optional.of(Address.fromHex("0x3535353535353535353535353535353535353535")),
                BigInteger.valueOf(5), new byte[] {1, 2}, List.of()),
            keyPair.privateKey());
    String hex = Hex.encode(codec.encode(transaction));

    JsonNode json = decode("tx", "decode", hex, "--suite=gm");
    assertEquals(Hex.encode(gm.address(keyPair.publicKey()).toArray()), json.get("from").textValue());
    assertEquals(Hex.encode(codec.hash(transaction).toArray()), json.get("hash").textValue());
    assertEquals(keyPair.publicKey().toHexString(), json.get("signerPublicKey").textValue());
    assertEquals("20", json.get("chainId").textValue());
    assertEquals("0x0102", json.get("data").textValue());

    CliRun.Result asStandard = new CliRun(directory).run("tx", "decode", hex);
    assertEquals(1, asStandard.exitCode());
    assertEquals(1, asStandard.errLines().size(), asStandard.err());
    assertTrue(asStandard.err().startsWith("error: transaction"), asStandard.err());
  }

  @Test
  void userErrorsAreOneLine() {
    CliRun.Result badHex = new CliRun(directory).run("tx", "decode", "0xzz");
    assertEquals(1, badHex.exitCode());
    assertEquals(List.of("error: transaction: invalid hex character 'z' at position 2"), badHex.errLines());

    CliRun.Result truncated =
        new CliRun(directory).run("tx", "decode", EIP155_EXAMPLE.substring(0, EIP155_EXAMPLE.length() - 2));
    assertEquals(1, truncated.exitCode());
    assertEquals(1, truncated.errLines().size(), truncated.err());
    assertTrue(truncated.err().startsWith("error: transaction"), truncated.err());
    assertEquals("", truncated.out());

    CliRun.Result unknownSuite = new CliRun(directory).run("tx", "decode", EIP155_EXAMPLE, "--suite", "sm9");
    assertEquals(Main.EXIT_USAGE, unknownSuite.exitCode());
    assertEquals(
        List.of(
            "error: Invalid value for option '--suite': unknown crypto suite 'sm9' (expected one of"
                + " standard, gm) (see 'xinlian tx decode --help')"),
        unknownSuite.errLines());
  }

  @Test
  void helpWorks() {
    for (String[] args : List.of(new String[] {"tx", "--help"}, new String[] {"tx", "decode", "--help"})) {
      CliRun.Result result = new CliRun(directory).run(args);
      assertEquals(0, result.exitCode());
      assertTrue(result.out().startsWith("Usage: xinlian tx"), result.out());
    }
  }
}
