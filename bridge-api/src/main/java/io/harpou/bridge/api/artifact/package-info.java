/**
 * Artifacts: what Harpou makes or fetches (camera snapshots, generated images, recordings, exported documents), kept
 * by one content-addressed {@link io.harpou.bridge.api.artifact.ArtifactStore} with who, when and for how long.
 */
package io.harpou.bridge.api.artifact;
