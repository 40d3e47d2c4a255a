package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.BridgeException;
import io.harpou.bridge.api.agent.Reply;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);

  @TempDir
  Path dataDir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private TestContext started(JsonObject http, String... keyNames) {
    TestContext context = new TestContext(vertx, dataDir, http);
    ApiKeys keys = ApiKeys.open(context.database()).await();
    for (String name : keyNames) {
      context.keys().put(name, keys.create(name).await());
    }
    context.agent(new ScriptedAgent(vertx, u -> Reply.answer("ok", u.conversationId())));
    context.startHttp().await();
    return context;
  }

  private static String key(TestContext context, String name) {
    return context.keys().get(name);
  }

  private HttpResponse<Buffer> get(TestContext context, String path, String bearer) {
    var request = client.get(context.httpPort(), "127.0.0.1", path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return request.send().await();
  }

  @Test
  void should_refuse_missing_and_wrong_keys_with_401_leaking_nothing_and_audit_the_refusals() {
    TestContext context = started(new JsonObject(), "laptop");

    HttpResponse<Buffer> missing = get(context, "/api/tools", null);
    HttpResponse<Buffer> wrong = get(context, "/health", "hpk_not-a-real-key");
    HttpResponse<Buffer> wrongAgain = get(context, "/api/tasks", "hpk_still-not-a-real-key");
    HttpResponse<Buffer> right = get(context, "/api/tools", key(context, "laptop"));

    for (HttpResponse<Buffer> refused : new HttpResponse[] {missing, wrong, wrongAgain}) {
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.getHeader("www-authenticate")).isEqualTo("Bearer");
      assertThat(refused.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", new JsonObject()
          .put("code", "unauthorized").put("message", "a valid API key is required").put("type", "unauthorized")));
    }
    assertThat(right.statusCode()).isEqualTo(200);
    AuditLog audit = AuditLog.open(context.database()).await();
    assertThat(audit.query(AuditQuery.latest()).await()).as("the address's first refusal of each kind, at once")
        .extracting(row -> row.arguments().getString("path")).containsExactlyInAnyOrder("/api/tools", "/health");
    for (String id : vertx.deploymentIDs()) {
      vertx.undeploy(id).await();
    }
    var rows = audit.query(AuditQuery.latest()).await();
    assertThat(rows).as("the rest of the minute counted, written when the API stops").hasSize(3).allSatisfy(row -> {
      assertThat(row.tool()).isEqualTo("http_api");
      assertThat(row.outcome()).isEqualTo("denied");
      assertThat(row.arguments().getString("remote")).isEqualTo("127.0.0.1");
      assertThat(row.arguments().getInteger("count")).isEqualTo(1);
      assertThat(row.toJson().encode()).doesNotContain("hpk_");
    });
    assertThat(rows).extracting(row -> row.arguments().getString("path")).containsExactlyInAnyOrder("/api/tools",
        "/health", "/api/tasks");
  }

  @Test
  void should_serve_the_console_page_without_a_key_so_it_can_ask_for_one() {
    TestContext context = started(new JsonObject(), "laptop");

    HttpResponse<Buffer> page = get(context, "/console/", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.getHeader("content-security-policy")).contains("script-src 'self'")
        .doesNotContain("unsafe-inline");
  }

  @Test
  void should_answer_429_with_retry_after_once_a_key_spends_its_minute() {
    TestContext context = started(new JsonObject().put("rate_limit_per_minute", 3), "phone", "laptop");
    String phone = key(context, "phone");

    // Reads have ten times the allowance of commands (the bucket refills a little while they are sent).
    int allowed = 0;
    HttpResponse<Buffer> limited = get(context, "/api/tools", phone);
    while (limited.statusCode() == 200 && allowed < 60) {
      allowed++;
      limited = get(context, "/api/tools", phone);
    }

    assertThat(allowed).isBetween(30, 45);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(limited.getHeader("retry-after"))).isBetween(1L, 20L);
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("rate_limited");
    assertThat(get(context, "/api/tools", key(context, "laptop")).statusCode()).isEqualTo(200);
  }

  @Test
  void should_refuse_to_listen_beyond_loopback_without_keys_and_accept_it_with_one() {
    TestContext open = new TestContext(vertx, dataDir, new JsonObject().put("host", "0.0.0.0"));

    assertThatThrownBy(() -> open.startHttp().await()).isInstanceOf(BridgeException.class)
        .hasMessageContaining("0.0.0.0").hasMessageContaining("API key");
    assertThat(open.httpPort()).isEqualTo(-1);

    ApiKeys.open(open.database()).await().create("server").await();
    open.startHttp().await();
    assertThat(open.httpPort()).isPositive();
  }

  @Test
  void should_create_list_and_revoke_keys_from_the_command_line_and_store_only_hashes() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);

    int listedNothing = KeysCommand.run(dataDir, List.of("list"), stdout, stderr);
    int created = KeysCommand.run(dataDir, List.of("create", "kitchen-tablet"), stdout, stderr);
    String key = out.toString(StandardCharsets.UTF_8).trim();
    out.reset();
    int listed = KeysCommand.run(dataDir, List.of("list"), stdout, stderr);
    String list = out.toString(StandardCharsets.UTF_8);

    assertThat(listedNothing).as("no database there yet: the directory is probably not the hub's").isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(dataDir.resolve("harpou.db").toString());
    assertThat(created).isZero();
    assertThat(key).startsWith("hpk_").hasSizeGreaterThan(40);
    assertThat(listed).isZero();
    assertThat(list).contains("kitchen-tablet").doesNotContain(key);
    byte[] database = java.nio.file.Files.readAllBytes(dataDir.resolve("harpou.db"));
    assertThat(new String(database, StandardCharsets.ISO_8859_1)).doesNotContain(key);
    assertThat(KeysCommand.run(dataDir, List.of("create", "kitchen-tablet"), stdout, stderr)).isEqualTo(1);
    assertThat(KeysCommand.run(dataDir, List.of("revoke", "kitchen-tablet"), stdout, stderr)).isZero();
    assertThat(KeysCommand.run(dataDir, List.of("revoke", "kitchen-tablet"), stdout, stderr)).isEqualTo(1);
    assertThat(KeysCommand.run(dataDir, List.of("frobnicate"), stdout, stderr)).isEqualTo(2);
  }
}
