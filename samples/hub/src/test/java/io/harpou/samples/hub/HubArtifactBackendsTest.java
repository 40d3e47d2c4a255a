package io.harpou.samples.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.Providers;
import io.harpou.bridge.vertx.artifact.ArtifactStoreProvider;
import org.junit.jupiter.api.Test;

/** The hub ships both artifact backends, so "backend": "s3" works without adding a jar. */
class HubArtifactBackendsTest {

  @Test
  void should_offer_the_local_disk_and_s3_compatible_storage() {
    assertThat(Providers.load(ArtifactStoreProvider.class, ArtifactStoreProvider::id)).containsKeys("local", "s3");
  }
}
