package io.harpou.tools.system.host;

import io.harpou.bridge.api.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which argvs {@code execute_command} and {@code docker_exec} may run. A program runs only when the allow-list names
 * it (nothing is allowed by default), and never when the deny-list does, checked against the name asked for and the
 * real program behind it (so a link named {@code ls} to busybox is refused). The deny-list always holds a core that
 * configuration cannot remove: programs that destroy disks or the system ({@code mkfs}, {@code dd}, {@code shred},
 * ...), shells and interpreters and the programs that run other programs ({@code sh}, {@code python}, {@code env},
 * {@code sudo}, {@code xargs}, ...), since through them any argv becomes any command, and a recursive {@code rm},
 * {@code chmod} or {@code chown} of {@code /} or a top-level folder.
 */
public final class CommandPolicy {

  /** Programs no configuration can allow. */
  public static final Set<String> ALWAYS_DENIED = Set.of(
      "mkfs", "mke2fs", "mkswap", "dd", "shred", "wipefs", "fdisk", "sfdisk", "cfdisk", "gdisk", "sgdisk", "parted",
      "blkdiscard", "badblocks", "reboot", "shutdown", "halt", "poweroff", "init", "telinit", "kexec",
      "sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "fish", "busybox", "toybox", "env", "sudo", "su", "doas",
      "pkexec", "runuser", "setsid", "nohup", "timeout", "nice", "ionice", "chroot", "unshare", "nsenter", "xargs",
      "parallel", "watch", "script", "expect", "python", "python3", "perl", "ruby", "node", "php", "lua", "tclsh",
      "awk", "gawk", "mawk", "sed", "find", "crontab", "at", "ssh", "scp", "socat", "nc", "ncat", "netcat",
      "curl", "wget");
  private static final Set<String> RECURSIVE_OWNERS = Set.of("rm", "chmod", "chown", "chgrp", "chattr");

  private final List<List<String>> allowed;
  private final List<List<String>> denied;

  /**
   * Reads {@code allow} and {@code deny}: each entry a program name ({@code "df"}) or an argv prefix as a list
   * ({@code ["git", "status"]}), meaning argvs starting with it.
   */
  public CommandPolicy(JsonObject section) {
    this.allowed = prefixes(section.getJsonArray("allow", new JsonArray()));
    this.denied = prefixes(section.getJsonArray("deny", new JsonArray()));
  }

  /** True when nothing is allowed, so the tool is not offered at all. */
  public boolean allowsNothing() {
    return allowed.isEmpty();
  }

  /**
   * Why {@code argv} may not run, or null when it may. {@code real} is the program the name resolves to, or null
   * when it is not installed.
   */
  public String refusal(List<String> argv, Path real) {
    String name = argv.get(0);
    String base = baseName(name);
    if (deniedCore(base) || real != null && deniedCore(baseName(realName(real)))) {
      return name + " is never allowed: it can destroy the system or run any other command.";
    }
    if (RECURSIVE_OWNERS.contains(base) && recursiveOnSystem(argv)) {
      return "A recursive " + base + " of a top-level folder is never allowed.";
    }
    for (List<String> prefix : denied) {
      if (startsWith(argv, prefix, false)) {
        return String.join(" ", prefix) + " is denied by the configuration.";
      }
    }
    for (List<String> prefix : allowed) {
      if (startsWith(argv, prefix, true)) {
        return null;
      }
    }
    return name + " is not in the list of allowed commands.";
  }

  private static boolean deniedCore(String base) {
    String lower = base.toLowerCase(Locale.ROOT);
    // mkfs.ext4, python3.11, perl5.36: a family is denied by its stem.
    String stem = lower.replaceAll("[.\\d]+.*$", "");
    return ALWAYS_DENIED.contains(lower) || ALWAYS_DENIED.contains(stem)
        || lower.startsWith("mkfs.") || lower.startsWith("python") || lower.startsWith("perl");
  }

  private static boolean recursiveOnSystem(List<String> argv) {
    boolean recursive = false;
    boolean topLevel = false;
    boolean options = true;
    for (String arg : argv.subList(1, argv.size())) {
      if (options && arg.equals("--")) {
        options = false;
      } else if (options && arg.startsWith("--")) {
        recursive |= arg.equals("--recursive") || arg.equals("--no-preserve-root");
      } else if (options && arg.startsWith("-") && arg.length() > 1) {
        recursive |= arg.indexOf('r') > 0 || arg.indexOf('R') > 0;
      } else {
        Path path = Path.of(arg.isEmpty() ? "." : arg).normalize();
        topLevel |= arg.startsWith("/") && path.getNameCount() <= 1 || arg.equals("*") || arg.equals("/*");
      }
    }
    return recursive && topLevel;
  }

  /**
   * True when {@code argv} starts with {@code prefix}. An allowed program must be named exactly as configured (a
   * bare name is looked up on the safe PATH, so {@code /tmp/ls} is not {@code ls}); a denied one matches by its base
   * name wherever it lives.
   */
  private static boolean startsWith(List<String> argv, List<String> prefix, boolean exactProgram) {
    if (prefix.isEmpty() || argv.size() < prefix.size()) {
      return false;
    }
    boolean sameProgram = exactProgram ? argv.get(0).equals(prefix.get(0))
        : baseName(argv.get(0)).equals(baseName(prefix.get(0)));
    if (!sameProgram) {
      return false;
    }
    return argv.subList(1, prefix.size()).equals(prefix.subList(1, prefix.size()));
  }

  private static String realName(Path real) {
    try {
      return real.toRealPath().getFileName().toString();
    } catch (IOException e) {
      return real.getFileName().toString();
    }
  }

  private static String baseName(String program) {
    int slash = program.lastIndexOf('/');
    return slash < 0 ? program : program.substring(slash + 1);
  }

  private static List<List<String>> prefixes(JsonArray entries) {
    List<List<String>> out = new ArrayList<>();
    for (Object entry : entries) {
      if (entry instanceof String name && !name.isBlank()) {
        out.add(List.of(name));
      } else if (entry instanceof JsonArray argv && !argv.isEmpty()) {
        out.add(Json.strings(new JsonObject().put("argv", argv), "argv"));
      }
    }
    return out;
  }
}
