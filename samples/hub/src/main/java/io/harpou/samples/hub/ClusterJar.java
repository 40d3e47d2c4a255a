package io.harpou.samples.hub;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The cluster manager ships as its own jar, {@value #NAME}, beside {@code harpou-hub.jar}, whose manifest puts it on
 * the class path: a hub that is not clustered never needs its 14 MB. This class says, before Vert.x would fail with
 * "No ClusterManagerFactory instances found", which file a clustered hub is missing and where it looked.
 */
final class ClusterJar {

  /** The file name the hub jar's {@code Class-Path} gives. */
  static final String NAME = "harpou-cluster.jar";

  /** A class of the cluster manager, looked up as a resource so that nothing of it is loaded here. */
  private static final String MANAGER = "io/vertx/spi/cluster/hazelcast/HazelcastClusterManager.class";

  private ClusterJar() {
  }

  /** Why {@code -cluster} cannot work here, or empty when the cluster manager is on the class path. */
  static Optional<String> missing() {
    if (ClusterJar.class.getClassLoader().getResource(MANAGER) != null) {
      return Optional.empty();
    }
    return Optional.of("-cluster needs " + NAME + " beside the hub's jar, and " + expected()
        .map(path -> path + (Files.exists(path) ? " holds no cluster manager" : " does not exist"))
        .orElse("the hub does not run from its jar")
        + "; copy the " + NAME + " built with the hub (samples/hub/target) next to it");
  }

  /** Where the hub jar's manifest sends the class loader: the directory of the jar this class came from. */
  private static Optional<Path> expected() {
    CodeSource source = ClusterJar.class.getProtectionDomain().getCodeSource();
    try {
      Path location = source == null ? null : Path.of(source.getLocation().toURI());
      return location == null || Files.isDirectory(location) ? Optional.empty()
          : Optional.of(location.toAbsolutePath().resolveSibling(NAME));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
