package io.harpou.bridge.vertx.artifact.s3;

import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.vertx.artifact.ArtifactBackend;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Artifacts as objects: {@code <prefix><id>} holds the bytes with their content type, {@code <prefix><id>.json} the
 * record. A put of an object is atomic in S3, so a reader sees all of it or nothing. Reads stop one byte past the
 * per-artifact limit, so storage that answers with more (or forever) cannot fill the hub's memory. The SDK is
 * blocking here (the JDK's URL connection client, no second Netty): the store calls it from its worker threads.
 */
final class S3Backend implements ArtifactBackend {

  private static final String RECORD = ".json";
  private static final int MAX_RECORD_BYTES = 64 * 1024;

  private final S3Client s3;
  private final S3Options options;
  private final long maxBytes;

  private S3Backend(S3Client s3, S3Options options, long maxBytes) {
    this.s3 = s3;
    this.options = options;
    this.maxBytes = maxBytes;
  }

  static S3Backend open(S3Options options, long maxArtifactBytes) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofMillis(options.timeoutMs())))
        .region(Region.of(options.region()))
        .forcePathStyle(options.pathStyle())
        // MinIO, Garage and older servers do not all decode aws-chunked bodies or the newer flexible checksums; the
        // signature still covers the payload's SHA-256, and the store checks every read against its SHA-256 id.
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMillis(options.timeoutMs())))
        .credentialsProvider(options.accessKey() == null ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(AwsBasicCredentials.create(options.accessKey(), options.secretKey())));
    if (options.endpoint() != null) {
      builder.endpointOverride(options.endpoint());
    }
    return new S3Backend(builder.build(), options, maxArtifactBytes);
  }

  @Override
  public List<JsonObject> records() throws IOException {
    List<JsonObject> records = new ArrayList<>();
    try {
      ListObjectsV2Request list = ListObjectsV2Request.builder().bucket(options.bucket()).prefix(options.prefix())
          .build();
      for (S3Object object : s3.listObjectsV2Paginator(list).contents()) {
        String name = object.key().substring(options.prefix().length());
        if (name.endsWith(RECORD) && ArtifactStore.isId(name.substring(0, name.length() - RECORD.length()))) {
          records.add(new JsonObject(read(object.key(), MAX_RECORD_BYTES)));
        }
      }
      return records;
    } catch (SdkException e) {
      throw new IOException("listing s3://" + options.bucket() + "/" + options.prefix() + " failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void writeContent(String id, Buffer content, String contentType) throws IOException {
    put(key(id), content.getBytes(), contentType);
  }

  @Override
  public void writeRecord(String id, JsonObject record) throws IOException {
    put(key(id) + RECORD, record.toBuffer().getBytes(), "application/json");
  }

  @Override
  public Buffer readContent(String id) throws IOException {
    return read(key(id), maxBytes);
  }

  @Override
  public void delete(String id) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(options.bucket()).key(key(id) + RECORD));
      s3.deleteObject(b -> b.bucket(options.bucket()).key(key(id)));
    } catch (SdkException e) {
      throw new IOException("deleting " + id + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "S3 bucket " + options.bucket() + " at " + (options.endpoint() == null ? "AWS " + options.region()
        : options.endpoint()) + ", prefix " + options.prefix();
  }

  @Override
  public void close() {
    s3.close();
  }

  private void put(String key, byte[] bytes, String contentType) throws IOException {
    try {
      s3.putObject(b -> b.bucket(options.bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new IOException("storing " + key + " failed: " + e.getMessage(), e);
    }
  }

  private Buffer read(String key, long limit) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(options.bucket()).key(key))) {
      return bounded(in, limit, key);
    } catch (NoSuchKeyException e) {
      throw new java.nio.file.NoSuchFileException(key);
    } catch (SdkException e) {
      throw new IOException("reading " + key + " failed: " + e.getMessage(), e);
    }
  }

  private static Buffer bounded(InputStream in, long limit, String key) throws IOException {
    Buffer out = Buffer.buffer();
    byte[] chunk = new byte[64 * 1024];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      if (out.length() + (long) n > limit) {
        throw new IOException(key + " is larger than " + limit + " bytes");
      }
      out.appendBytes(chunk, 0, n);
    }
    return out;
  }

  private String key(String id) {
    return options.prefix() + id;
  }
}
