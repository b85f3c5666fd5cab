package org.xinlian.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.xinlian.dist.Commands.installed;
import static org.xinlian.dist.Commands.ok;
import static org.xinlian.dist.Commands.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.xinlian.node.NodeFailure;

/**
 * The Debian package as an operator meets it (docs/spec/operations.md OPS-40 to OPS-44): its
 * archive, a real {@code dpkg -i} into this machine, the user, directories and permissions it
 * makes, its unit checked by {@code systemd-analyze}, a node started by the unit's own command
 * line as the service user and stopped by SIGTERM as systemd stops it, then a real purge.
 *
 * <p>It changes the machine (a package, a system user), so it never runs twice at once (a lock
 * file) and always purges and cleans up, even when it fails. It refuses to run where xinlian was
 * installed by anything but an interrupted run of itself. Without dpkg it fails: the package is
 * a deliverable of the build, not an option.
 */
class DebianPackageInstallTest {
  private static final String PACKAGE = "xinlian";
  private static final String USER = "xinlian";
  private static final String INSTANCE = "node0";
  private static final Path UNIT = Path.of("/usr/lib/systemd/system/xinlian@.service");
  private static final Path LAUNCHER = Path.of("/usr/bin/xinlian");
  private static final Path JAR = Path.of("/usr/share/xinlian/xinlian.jar");
  private static final Path CONFIG_DIRECTORY = Path.of("/etc/xinlian");
  private static final Path DATA_DIRECTORY = Path.of("/var/lib/xinlian");
  private static final Path LOG_DIRECTORY = Path.of("/var/log/xinlian");
  private static final Path EXAMPLE_CONFIG = Path.of("/usr/share/doc/xinlian/examples/config.json");
  /** Marks an installation as this test's: its content says whether the user existed before. */
  private static final Path MARKER = Path.of("/var/lib/xinlian-package-test");
  private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "xinlian-package-test.lock");
  /** The unit's hardening, as {@code systemd-analyze security} scores it (0 best, 10 worst). */
  private static final double EXPOSURE_MAX = 2.5;

  @Test
  void installsRunsAsTheServiceUserAndPurges() throws IOException {
    assertTrue(installed("dpkg") && installed("dpkg-deb"),
        "dpkg and dpkg-deb are required: this test installs the package for real (Debian only)");
    assertEquals("root", System.getProperty("user.name"), "dpkg -i needs root");
    Path deb = deb();
    try (FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      removeLeftovers();
      boolean userExisted = run("getent", "passwd", USER).exitStatus() == 0;
      Files.writeString(MARKER, userExisted ? "user existed\n" : "user created\n");
      try {
        checkArchive(deb);
        ok("dpkg", "-i", deb.toString());
        checkInstalled();
        checkUnit();
        new ServiceRun(Path.of(System.getProperty("java.io.tmpdir"))).startAndStop();
        ok("dpkg", "--purge", PACKAGE);
        checkPurged();
      } finally {
        cleanUp();
      }
    }
  }

  /** OPS-40: the package the build made, named by Maven's version in Debian's rules. */
  private static Path deb() {
    String version = System.getProperty("project.version").replace('-', '~');
    Path deb = Path.of(System.getProperty("deb.directory")).resolve("xinlian_" + version + "_all.deb");
    assertTrue(Files.isRegularFile(deb), deb + ": not built (the package phase of dist builds it)");
    return deb;
  }

  /** OPS-40: control fields, conffiles and every file with its owner and mode. */
  private static void checkArchive(Path deb) {
    String info = ok("dpkg-deb", "-I", deb.toString()).out();
    assertTrue(info.contains(" Package: xinlian\n"), info);
    assertTrue(info.contains(" Version: " + System.getProperty("project.version").replace('-', '~') + "\n"), info);
    assertTrue(info.contains(" Architecture: all\n"), info);
    assertTrue(info.contains(" Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless, adduser\n"), info);
    assertEquals("/etc/xinlian/xinlian.env\n",
        ok("sh", "-c", "dpkg-deb --ctrl-tarfile '" + deb + "' | tar -xOf - ./conffiles").out());
    String contents = ok("dpkg-deb", "-c", deb.toString()).out();
    for (String entry : List.of(
        "-rwxr-xr-x root/root .* ./usr/bin/xinlian",
        "-rw-r--r-- root/root .* ./usr/share/xinlian/xinlian.jar",
        "-rw-r--r-- root/root .* ./usr/lib/systemd/system/xinlian@.service",
        "-rw-r--r-- root/root .* ./etc/xinlian/xinlian.env",
        "-rw-r--r-- root/root .* ./usr/share/doc/xinlian/copyright",
        "-rw-r--r-- root/root .* ./usr/share/doc/xinlian/examples/config.json")) {
      assertTrue(Pattern.compile("(?m)^" + entry + "$").matcher(contents).find(), entry + " in\n" + contents);
    }
  }

  /** OPS-41: the system user and what it may read and write. */
  private static void checkInstalled() throws IOException {
    String[] account = ok("getent", "passwd", USER).out().strip().split(":");
    assertTrue(Integer.parseInt(account[2]) < 1000, "a system user: " + String.join(":", account));
    assertEquals("/var/lib/xinlian", account[5]);
    assertEquals("/usr/sbin/nologin", account[6]);
    assertOwnerAndMode(CONFIG_DIRECTORY, "root", USER, "rwxr-x---");
    assertOwnerAndMode(DATA_DIRECTORY, USER, USER, "rwxr-x---");
    assertOwnerAndMode(LOG_DIRECTORY, USER, USER, "rwxr-x---");
    assertOwnerAndMode(LAUNCHER, "root", "root", "rwxr-xr-x");
    assertOwnerAndMode(JAR, "root", "root", "rw-r--r--");
    assertOwnerAndMode(UNIT, "root", "root", "rw-r--r--");
  }

  /**
   * OPS-42: {@code systemd-analyze verify} loads the unit as systemd would (it runs without
   * systemd as PID 1: it reads unit files, it does not start them), and {@code systemd-analyze
   * security --offline} scores its hardening from the file alone.
   */
  private static void checkUnit() throws IOException {
    Commands.Result verify = ok("systemd-analyze", "verify", "xinlian@" + INSTANCE + ".service");
    assertEquals("", verify.out() + verify.err(), "no warning about the unit: " + verify.describe());
    Map<String, List<String>> unit = ServiceRun.unit(Files.readString(UNIT));
    assertEquals(List.of("on-failure"), unit.get("Restart"));
    // OPS-44: the node's fail-stop exits restart it; a configuration error, which no restart fixes, does not.
    List<String> notRestarted = List.of(unit.get("RestartPreventExitStatus").get(0).split(" "));
    assertTrue(notRestarted.contains("1"), "exit 1 (a user error of the CLI) is not restarted: " + notRestarted);
    assertFalse(notRestarted.contains(String.valueOf(NodeFailure.EXIT_STORAGE_FAULT)), notRestarted.toString());
    assertFalse(notRestarted.contains(String.valueOf(NodeFailure.EXIT_OTHER_FAILURE)), notRestarted.toString());
    Commands.Result security = ok("systemd-analyze", "security", "--offline=yes", UNIT.toString());
    Matcher score = Pattern.compile("Overall exposure level for \\S+: ([0-9.]+)").matcher(security.out());
    assertTrue(score.find(), security.describe());
    double exposure = Double.parseDouble(score.group(1));
    assertTrue(exposure <= EXPOSURE_MAX, "exposure " + exposure + " above " + EXPOSURE_MAX + ":\n" + security.out());
  }

  /** OPS-44: purging removes the program, the unit and the logs, and keeps ledgers and keys. */
  private static void checkPurged() {
    assertFalse(run("dpkg-query", "-W", "-f=${Status}", PACKAGE).out().contains(" installed"));
    assertFalse(Files.exists(LAUNCHER));
    assertFalse(Files.exists(UNIT));
    assertFalse(Files.exists(CONFIG_DIRECTORY.resolve("xinlian.env")), "a conffile goes with the purge");
    assertFalse(Files.exists(LOG_DIRECTORY));
    assertTrue(Files.isDirectory(DATA_DIRECTORY.resolve(INSTANCE).resolve("data")), "the ledger stays");
    assertTrue(Files.isRegularFile(CONFIG_DIRECTORY.resolve(INSTANCE).resolve("node.key.pem")), "the node key stays");
  }

  /**
   * An interrupted earlier run left the package installed: removed as {@link #cleanUp} would
   * have. Anything else named xinlian on this machine is not ours to delete: the test fails.
   */
  private static void removeLeftovers() throws IOException {
    boolean present = run("dpkg-query", "-W", "-f=${Status}", PACKAGE).out().contains(" installed")
        || Files.exists(CONFIG_DIRECTORY) || Files.exists(DATA_DIRECTORY) || Files.exists(LOG_DIRECTORY);
    if (!present && !Files.exists(MARKER)) {
      return;
    }
    if (!Files.exists(MARKER)) {
      fail("xinlian is installed on this machine (or its /etc/xinlian, /var/lib/xinlian remain): this "
          + "test installs and purges the package, so it runs only where xinlian is not installed");
    }
    cleanUp();
  }

  /** Leaves the machine as before: no package, no files, no user unless it existed before. */
  private static void cleanUp() throws IOException {
    run("dpkg", "--purge", PACKAGE);
    run("rm", "-rf", CONFIG_DIRECTORY.toString(), DATA_DIRECTORY.toString(), LOG_DIRECTORY.toString());
    if (Files.exists(MARKER) && Files.readString(MARKER).startsWith("user created")) {
      run("userdel", USER);
      run("groupdel", USER);
    }
    Files.deleteIfExists(MARKER);
  }

  static void assertOwnerAndMode(Path path, String owner, String group, String mode) throws IOException {
    PosixFileAttributes attributes =
        Files.getFileAttributeView(path, PosixFileAttributeView.class).readAttributes();
    assertEquals(owner, attributes.owner().getName(), path + " owner");
    assertEquals(group, attributes.group().getName(), path + " group");
    assertEquals(mode, PosixFilePermissions.toString(attributes.permissions()), path + " mode");
  }
}
