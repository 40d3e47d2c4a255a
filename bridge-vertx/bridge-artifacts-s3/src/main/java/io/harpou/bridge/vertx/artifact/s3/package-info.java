/** The {@code s3} artifact backend: MinIO, Garage or AWS S3 through the AWS SDK for Java v2. */
package io.harpou.bridge.vertx.artifact.s3;
