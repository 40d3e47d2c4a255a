/**
 * The artifact store: {@link io.harpou.bridge.vertx.artifact.ArtifactStores#open} keeps artifacts with the backend
 * the configuration names ({@code local}, the default, inside the data directory; {@code s3} from
 * {@code bridge-artifacts-s3}), enforcing the size limit, the quota and retention the same way for every backend.
 */
package io.harpou.bridge.vertx.artifact;
