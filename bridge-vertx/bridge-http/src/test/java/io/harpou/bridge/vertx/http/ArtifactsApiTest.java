package io.harpou.bridge.vertx.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactMetadata;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.vertx.artifact.ArtifactOptions;
import io.harpou.bridge.vertx.artifact.ArtifactStores;
import io.harpou.bridge.vertx.audit.AuditLog;
import io.harpou.bridge.vertx.audit.AuditQuery;
import io.harpou.testkit.Await;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/artifacts}: served with the API's access rules, or through a signed link to one artifact. */
class ArtifactsApiTest {

  private static final String SNAPSHOT = "PNG-bytes-of-the-front-door";
  private static final String OTHER = "PNG-bytes-of-the-garden";

  private final Vertx vertx = Vertx.vertx();
  private TestContext context;
  private ArtifactStore store;
  private String key;
  private Artifact snapshot;
  private Artifact other;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() {
    context = new TestContext(vertx, dataDir, new JsonObject());
    store = ArtifactStores.open(vertx, new ArtifactOptions(), dataDir).await();
    context.artifacts(store);
    // A key exists before the API starts, so programs on this machine need one too.
    key = ApiKeys.open(context.database()).await().create("alice").await();
    context.startHttp().await();
    ArtifactMetadata meta = new ArtifactMetadata("image/png", "camera.front_door", "alice", "chat-1", "http", null,
        null);
    snapshot = store.put(Buffer.buffer(SNAPSHOT), meta).await();
    other = store.put(Buffer.buffer(OTHER), meta).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  private RawHttp.Response get(String target, Map<String, String> headers) {
    return RawHttp.exchange(context.httpPort(), "GET", target, headers, null);
  }

  private Map<String, String> bearer() {
    return Map.of("Authorization", "Bearer " + key);
  }

  private String link(String id) {
    RawHttp.Response minted = RawHttp.postJson(context.httpPort(), "/api/artifacts/" + id + "/link", bearer(), "{}");
    assertThat(minted.status()).isEqualTo(200);
    return new JsonObject(minted.body()).getString("url");
  }

  @Test
  void should_serve_an_artifact_to_a_key_and_list_it_by_conversation() {
    RawHttp.Response served = get(snapshot.path(), bearer());
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(SNAPSHOT);
    assertThat(served.headers()).containsEntry("content-type", "image/png");

    JsonObject list = new JsonObject(get("/api/artifacts?conversation_id=chat-1", bearer()).body());
    assertThat(list.getJsonArray("artifacts")).hasSize(2);
    assertThat(get(snapshot.path(), Map.of()).status()).isEqualTo(401);
  }

  @Test
  void should_open_one_artifact_through_its_signed_link_and_nothing_else() {
    String url = link(snapshot.id());

    RawHttp.Response served = get(url, Map.of("Sec-Fetch-Site", "same-origin"));
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.body()).isEqualTo(SNAPSHOT);

    String query = url.substring(url.indexOf('?'));
    assertThat(get(other.path() + query, Map.of()).status()).isEqualTo(403);
    assertThat(get("/api/artifacts" + query, Map.of()).status()).isEqualTo(401);
    assertThat(get("/api/audit" + query, Map.of()).status()).isEqualTo(401);
    assertThat(RawHttp.exchange(context.httpPort(), "DELETE", url, Map.of(), null).status()).isEqualTo(401);
    assertThat(store.find(snapshot.id()).await()).isPresent();
  }

  @Test
  void should_refuse_a_tampered_or_prolonged_link_and_audit_it() throws InterruptedException {
    String url = link(snapshot.id());
    String sig = url.substring(url.indexOf("sig=") + 4);
    String tampered = url.replace("sig=" + sig, "sig=" + (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1));
    long exp = Long.parseLong(url.replaceAll(".*exp=([0-9]+).*", "$1"));
    String prolonged = url.replace("exp=" + exp, "exp=" + (exp + 3600));

    for (String forged : new String[] {tampered, prolonged, snapshot.path() + "?exp=" + exp + "&sig=",
        snapshot.path() + "?sig=" + sig}) {
      RawHttp.Response refused = get(forged, Map.of());
      assertThat(refused.status()).as(forged).isEqualTo(403);
      assertThat(refused.body()).as(forged).doesNotContain(SNAPSHOT);
    }
    assertThat(refusalAudited("invalid artifact link")).isTrue();
  }

  private boolean refusalAudited(String reason) {
    AuditLog audit = AuditLog.open(context.database()).await();
    return Await.within(Duration.ofSeconds(5), () -> audit.query(new AuditQuery(null, null, "http_api", null, 50))
        .await().stream()
        .anyMatch(row -> "denied".equals(row.outcome()) && String.valueOf(row.detail()).contains(reason)));
  }

  @Test
  void should_refuse_a_link_once_it_has_expired() throws Exception {
    byte[] secret = Base64.getUrlDecoder().decode(Files.readString(dataDir.resolve(ArtifactLinks.FILE_NAME)).strip());
    Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
    String expired = new ArtifactLinks(secret, tenMinutesAgo).sign(snapshot.id()).path();

    assertThat(get(expired, Map.of()).status()).isEqualTo(403);
  }

  @Test
  void should_refuse_a_valid_link_in_a_page_from_another_site() {
    String url = link(snapshot.id());

    assertThat(get(url, Map.of("Sec-Fetch-Site", "cross-site")).status()).isEqualTo(403);
    assertThat(get(url, Map.of("Origin", "http://evil.example")).status()).isEqualTo(403);
  }

  @Test
  void should_treat_a_path_in_an_id_as_no_artifact() {
    for (String target : new String[] {"/api/artifacts/..%2F..%2Fartifact-links.key",
        "/api/artifacts/%2e%2e%2fharpou.db", "/api/artifacts/" + snapshot.id().toUpperCase(),
        "/api/artifacts/" + snapshot.id().substring(0, 2) + "%2F" + snapshot.id()}) {
      RawHttp.Response response = get(target, bearer());
      assertThat(response.status()).as(target).isIn(400, 404);
      assertThat(response.body()).as(target).doesNotContain(SNAPSHOT).doesNotContain("SQLite");
    }
  }

  @Test
  void should_serve_html_as_a_sandboxed_attachment_never_inline() {
    Artifact page = store.put(Buffer.buffer("<script>alert(localStorage.getItem('harpou.console-token'))</script>"),
        new ArtifactMetadata("text/html", "export", null, null, null, null, null)).await();

    RawHttp.Response served = get(page.path(), bearer());

    assertThat(served.status()).isEqualTo(200);
    assertThat(served.headers().get("content-type")).isEqualTo("application/octet-stream");
    assertThat(served.headers().get("content-disposition")).startsWith("attachment");
    assertThat(served.headers().get("content-security-policy")).contains("sandbox");
  }

  @Test
  void should_delete_an_artifact_with_a_key() {
    assertThat(RawHttp.exchange(context.httpPort(), "DELETE", snapshot.path(), bearer(), null).status())
        .isEqualTo(200);

    assertThat(get(snapshot.path(), bearer()).status()).isEqualTo(404);
    assertThat(store.find(snapshot.id()).await()).isEmpty();
  }
}
