package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.vertx.audit.AuditEntry;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client hammering the API with wrong keys is slowed per address and fills neither the audit log nor the disk: its
 * refusals are answered 429 past the minute's allowance and written as counted rows, not one row each.
 */
class RefusalFloodTest {

  private static final int FLOOD = 3000;

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void should_throttle_a_flood_of_wrong_keys_and_audit_it_as_a_count() throws Exception {
    TestContext context = new TestContext(vertx, dataDir, new JsonObject());
    String key = ApiKeys.open(context.database()).await().create("owner").await();
    context.startHttp().await();
    long databaseBefore = databaseBytes();

    List<Integer> statuses = new ArrayList<>();
    for (int batch = 0; batch < FLOOD / 100; batch++) {
      List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        sent.add(client.get(context.httpPort(), "127.0.0.1", "/api/tools")
            .putHeader("Authorization", "Bearer hpk_guess" + batch + "_" + i).send());
      }
      Future.all(sent).await();
      sent.forEach(response -> statuses.add(response.result().statusCode()));
    }
    int owner = client.get(context.httpPort(), "127.0.0.1", "/api/tools").putHeader("Authorization",
        "Bearer " + key).send().await().statusCode();
    for (String id : vertx.deploymentIDs()) {
      vertx.undeploy(id).await();
    }
    List<AuditEntry> rows = AuditLog.open(context.database()).await()
        .query(AuditQuery.fromJson(new JsonObject().put("tool", "http_api").put("limit", 1000))).await();

    Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    // A minute's allowance of refusals at once, then about one every two seconds as the allowance refills.
    assertThat(byStatus).containsOnlyKeys(401, 429);
    assertThat(byStatus.get(401)).isBetween((long) HttpApiOptions.DEFAULT_REFUSALS_PER_MINUTE, 100L);
    assertThat(owner).as("the owner's key still works from the same address").isEqualTo(200);
    assertThat(rows).hasSizeLessThanOrEqualTo(2 * 2);
    assertThat(rows.stream().mapToInt(row -> row.arguments().getInteger("count")).sum()).isEqualTo(FLOOD);
    assertThat(databaseBytes()).isLessThan(databaseBefore + 200_000);
  }

  /** The database with its write-ahead log. */
  private long databaseBytes() throws Exception {
    try (var files = Files.list(dataDir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("harpou.db")).mapToLong(f -> f.toFile().length())
          .sum();
    }
  }
}
