package org.xinlian.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build's software bill of materials (docs/spec/operations.md OPS-91): the CLI module's
 * package phase writes {@code cli/target/xinlian-sbom.json}, and it must name what the jar ships
 * at the versions the root pom pins, each with a package URL and a SHA-256 hash. This module is
 * built after the CLI, so in a full build ({@code mvn verify}, CI) the file exists; a partial test
 * run that never packaged the CLI has nothing to check and says so, unless CI's
 * {@code oracles.required} makes its absence a failure.
 */
class SbomTest {
  private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
  private static final Path SBOM = ROOT.resolve("cli/target/xinlian-sbom.json");

  @Test
  void theSbomListsWhatTheJarShipsAtThePinnedVersionsWithHashes() throws IOException {
    boolean required = Boolean.getBoolean("oracles.required");
    assumeTrue(required || Files.exists(SBOM), "the CLI was not packaged in this run: no SBOM to check");
    assertTrue(Files.exists(SBOM), SBOM + " is missing: the cli module's cyclonedx-maven-plugin did not run");
    JsonNode bom = new ObjectMapper().readTree(SBOM.toFile());
    assertEquals("CycloneDX", bom.path("bomFormat").asText());
    Map<String, String> versions = new HashMap<>();
    for (JsonNode component : bom.path("components")) {
      String name = component.path("group").asText() + ":" + component.path("name").asText();
      versions.put(name, component.path("version").asText());
      assertTrue(component.path("purl").asText().startsWith("pkg:maven/"), name + " has no package URL");
      boolean sha256 = false;
      for (JsonNode hash : component.path("hashes")) {
        sha256 |= "SHA-256".equals(hash.path("alg").asText()) && hash.path("content").asText().matches("[0-9a-f]{64}");
      }
      assertTrue(sha256, name + " has no SHA-256 hash");
    }
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    assertEquals(property(pom, "rocksdb.version"), versions.get("org.rocksdb:rocksdbjni"));
    assertEquals(property(pom, "jackson.version"), versions.get("com.fasterxml.jackson.core:jackson-databind"));
    assertEquals(property(pom, "bouncycastle.version"), versions.get("org.bouncycastle:bcprov-jdk18on"));
    assertEquals(property(pom, "picocli.version"), versions.get("info.picocli:picocli"));
    for (String module : new String[] {"xinlian-node", "xinlian-rpc", "xinlian-network", "xinlian-execution"}) {
      assertTrue(versions.containsKey("org.xinlian:" + module), module + " is missing from the SBOM");
    }
    assertFalse(versions.containsKey("org.junit.jupiter:junit-jupiter"), "test dependencies are not shipped");
  }

  private static String property(String pom, String name) {
    Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertTrue(matcher.find(), "the root pom has no property " + name);
    return matcher.group(1);
  }
}
