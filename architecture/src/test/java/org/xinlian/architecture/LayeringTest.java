package org.xinlian.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build fails when a dependency points upward (docs/architecture.md). Maven already prevents
 * cycles between modules; these rules also pin what each layer may see, including packages that
 * share a module.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.xinlian");
  }

  @Test
  void layersDependDownwardOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("common").definedBy("org.xinlian.common..")
        .layer("crypto").definedBy("org.xinlian.crypto..")
        .layer("types").definedBy("org.xinlian.types..")
        .layer("trie").definedBy("org.xinlian.trie..")
        .layer("evm").definedBy("org.xinlian.evm..")
        .layer("storage").definedBy("org.xinlian.storage..")
        .layer("ledger").definedBy("org.xinlian.ledger..")
        .layer("execution").definedBy("org.xinlian.execution..")
        .layer("network").definedBy("org.xinlian.network..")
        .layer("consensusApi").definedBy("org.xinlian.consensus", "org.xinlian.consensus.message..")
        .layer("consensusBft").definedBy("org.xinlian.consensus.bft..")
        .layer("testkit").definedBy("org.xinlian.testkit..")
        .layer("rpc").definedBy("org.xinlian.rpc..")
        .layer("sdk").definedBy("org.xinlian.sdk..")
        .layer("node").definedBy("org.xinlian.node..")
        .layer("cli").definedBy("org.xinlian.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("node").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("rpc").mayOnlyBeAccessedByLayers("node", "cli")
        // P2P sees only common, crypto (and types): never storage, ledger, EVM, execution or RPC.
        .whereLayer("network").mayOnlyBeAccessedByLayers("node", "cli")
        // The SDK is a client: it speaks JSON-RPC and sees only common, crypto and types.
        .whereLayer("sdk").mayOnlyBeAccessedByLayers("cli")
        // The simulator is test support: no production module may depend on it.
        .whereLayer("testkit").mayNotBeAccessedByAnyLayer()
        // Consensus sees common, crypto and types only; the node wires it to execution.
        .whereLayer("consensusBft").mayOnlyBeAccessedByLayers("testkit", "node", "cli")
        .whereLayer("consensusApi").mayOnlyBeAccessedByLayers(
            "consensusBft", "testkit", "node", "cli")
        .whereLayer("execution").mayOnlyBeAccessedByLayers("rpc", "node", "cli")
        .whereLayer("ledger").mayOnlyBeAccessedByLayers("execution", "rpc", "node", "cli")
        .whereLayer("storage").mayOnlyBeAccessedByLayers(
            "ledger", "execution", "rpc", "node", "cli")
        .whereLayer("evm").mayOnlyBeAccessedByLayers("ledger", "execution", "rpc", "node", "cli")
        .whereLayer("trie").mayOnlyBeAccessedByLayers(
            "evm", "ledger", "execution", "rpc", "node", "cli")
        .whereLayer("types").mayOnlyBeAccessedByLayers(
            "trie", "evm", "ledger", "execution", "network", "consensusApi", "consensusBft", "testkit",
            "rpc", "sdk", "node", "cli")
        .whereLayer("crypto").mayOnlyBeAccessedByLayers(
            "types", "trie", "evm", "ledger", "execution", "network", "consensusApi", "consensusBft",
            "testkit", "rpc", "sdk", "node", "cli")
        .whereLayer("common").mayOnlyBeAccessedByLayers(
            "crypto", "types", "trie", "evm", "storage", "ledger", "execution", "network",
            "consensusApi", "consensusBft", "testkit", "rpc", "sdk", "node", "cli")
        .check(classes);
  }

  @Test
  void consensusDependsOnNoStateLayer() {
    noClasses()
        .that().resideInAnyPackage("org.xinlian.consensus..", "org.xinlian.testkit..")
        .should().dependOnClassesThat().resideInAnyPackage("org.xinlian.trie..",
            "org.xinlian.storage..", "org.xinlian.ledger..", "org.xinlian.evm..",
            "org.xinlian.execution..", "org.xinlian.rpc..", "org.xinlian.node..",
            "org.xinlian.cli..")
        .because("consensus orders blocks and never touches state; it reaches execution only"
            + " through the Application port the node adapts (docs/spec/consensus.md CONSENSUS-15)")
        .check(classes);
  }

  /**
   * The consensus core and the simulator are pure: no clock, no threads, no I/O, no ambient
   * randomness, so a seed replays a run exactly (docs/spec/consensus.md CONSENSUS-1, CONSENSUS-17).
   */
  @Test
  void consensusIsPure() {
    noClasses()
        .that().resideInAnyPackage("org.xinlian.consensus..", "org.xinlian.testkit..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "java.io..",
            "java.nio.file..", "java.net..", "java.time..")
        .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
        .orShould().dependOnClassesThat().areAssignableTo(java.util.Random.class)
        .orShould().dependOnClassesThat().areAssignableTo(java.security.SecureRandom.class)
        .because("the engine is an event loop: time comes in as timeout events, randomness only"
            + " through RandomSource, and nothing runs between calls")
        .check(classes);
  }

  @Test
  void suiteImplementationsAreReachedOnlyThroughTheApi() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.crypto..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.xinlian.crypto.standard..", "org.xinlian.crypto.gm..")
        .because("callers use the CryptoSuite API; implementations are replaceable")
        .check(classes);
  }

  @Test
  void bouncyCastleStaysInsideTheCryptoModule() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.crypto..")
        .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
        .because("no BouncyCastle type appears in any API (house style 4)")
        .check(classes);
  }

  /**
   * The API package is the contract. Only these facades may reach BouncyCastle or a suite
   * implementation, and none of them exposes such a type in a signature.
   */
  private static final java.util.Set<String> API_FACADES =
      java.util.Set.of("CryptoSuites", "Keccak256", "Ripemd160", "EthereumSignatures");

  @Test
  void theCryptoApiExposesNoBouncyCastleType() {
    noClasses()
        .that().resideInAPackage("org.xinlian.crypto")
        .and(com.tngtech.archunit.base.DescribedPredicate.describe(
            "are not an API facade", (JavaClass c) -> !API_FACADES.contains(c.getSimpleName())))
        .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
        .orShould().dependOnClassesThat().resideInAnyPackage(
            "org.xinlian.crypto.standard..", "org.xinlian.crypto.gm..", "org.xinlian.crypto.internal..")
        .because("the API package is the contract; BouncyCastle stays in the implementations")
        .check(classes);
  }

  @Test
  void apiFacadesExposeNoBouncyCastleType() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods()
        .that().areDeclaredInClassesThat().resideInAnyPackage("org.xinlian.crypto", "org.xinlian.crypto.keystore", "org.xinlian.crypto.hd")
        .and().areDeclaredInClassesThat().arePublic()
        .and().arePublic()
        .should(com.tngtech.archunit.lang.conditions.ArchConditions.not(
            com.tngtech.archunit.lang.conditions.ArchConditions.haveRawReturnType(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                    "org.bouncycastle.."))))
        .because("no BouncyCastle type appears in any API (house style 4)")
        .check(classes);
  }

  @Test
  void libsecp256k1StaysInsideTheStandardSuite() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.crypto.standard..")
        .should().dependOnClassesThat().resideInAnyPackage("fr.acinq..", "kotlin..")
        .because("the native secp256k1 backend is an implementation detail with a BouncyCastle"
            + " fallback (docs/adr/0007); nothing else may depend on it or on its Kotlin runtime")
        .check(classes);
  }

  @Test
  void kzgLibraryStaysInsideThePrecompiles() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.evm.precompile")
        .should().dependOnClassesThat().resideInAnyPackage("ethereum.ckzg4844..")
        .because("c-kzg-4844 is the implementation of the point evaluation precompile, loaded with"
            + " the mainnet setup in one place (docs/adr/0010); nothing else may reach it")
        .check(classes);
  }

  @Test
  void nettyStaysOutOfTheNetworkApi() {
    noClasses()
        .that().resideInAPackage("org.xinlian.network..")
        .and().arePublic()
        .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
        .because("the node wires P2P through the Transport API; Netty is an implementation detail"
            + " of the package-private TCP transport (docs/spec/network.md)")
        .check(classes);
  }

  @Test
  void rocksDbStaysInsideItsImplementation() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.storage.rocksdb..")
        .should().dependOnClassesThat().resideInAnyPackage("org.rocksdb..")
        .because("the ledger sees the KeyValueStore API, so another engine can replace RocksDB")
        .check(classes);
  }

  @Test
  void storageImplementationsAreReachedOnlyThroughTheApi() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.storage..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.xinlian.storage.rocksdb..", "org.xinlian.storage.memory..")
        .because("callers open stores through KeyValueStores (one contract, two implementations)")
        .check(classes);
  }

  @Test
  void noWallClockOrGlobalRandomnessOutsideTheClockPort() {
    noClasses()
        .that().resideOutsideOfPackages("org.xinlian.cli..")
        .and().doNotHaveSimpleName("SystemClock")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(Math.class, "random")
        .orShould().callConstructor(java.util.Random.class)
        .because("time and randomness enter through Clock and RandomSource (determinism rule)")
        .check(classes);
  }
}
