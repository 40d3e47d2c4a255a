package io.harpou.bridge.vertx.http.impl;

import io.harpou.bridge.api.artifact.Artifact;
import io.harpou.bridge.api.artifact.ArtifactException;
import io.harpou.bridge.api.artifact.ArtifactStore;
import io.harpou.bridge.api.Ids;
import io.harpou.bridge.vertx.http.ArtifactLinks;
import io.harpou.bridge.vertx.http.HttpApiServices;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/**
 * {@code GET /api/artifacts} (newest first; {@code ?conversation_id=}, {@code ?limit=}), {@code GET} and
 * {@code DELETE /api/artifacts/{id}}, and {@code POST /api/artifacts/{id}/link}, which mints a short-lived signed link
 * for the console. The bytes are served as an attachment in a sandbox unless they are a raster image a browser only
 * draws: an HTML or SVG artifact can never run script in the console's origin.
 */
public final class ArtifactsHandler {

  /** Images a browser draws and never runs: served inline. */
  private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  private final HttpApiServices bridge;
  private final ArtifactLinks links;

  /** A handler over the bridge's artifact store, minting links with {@code links}. */
  public ArtifactsHandler(HttpApiServices bridge, ArtifactLinks links) {
    this.bridge = bridge;
    this.links = links;
  }

  /** Adds the routes. */
  public void mount(Router router) {
    router.get("/api/artifacts").handler(this::list);
    router.get("/api/artifacts/:id").handler(this::serve);
    router.delete("/api/artifacts/:id").handler(this::delete);
    router.post("/api/artifacts/:id/link").handler(this::link);
  }

  private ArtifactStore store() {
    return bridge.artifacts().orElseThrow(() -> ApiError.unavailable("the artifact store"));
  }

  private void list(RoutingContext ctx) {
    String conversation = ctx.request().getParam("conversation_id");
    if (conversation != null && !Ids.isValid(conversation)) {
      throw ApiError.invalid(Ids.problem(conversation, "'conversation_id'"));
    }
    int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
    store().list(conversation, limit).onSuccess(list -> Requests.json(ctx, new JsonObject()
        .put("artifacts", new JsonArray(list.stream().map(Artifact::toJson).toList())))).onFailure(ctx::fail);
  }

  private void serve(RoutingContext ctx) {
    String id = id(ctx);
    ArtifactStore store = store();
    store.find(id).compose(found -> {
      Artifact artifact = found.orElseThrow(() -> ApiError.notFound("no artifact " + id));
      return store.read(id).map(bytes -> {
        boolean inline = INLINE.contains(artifact.contentType());
        ctx.response().putHeader("content-type", inline ? artifact.contentType() : "application/octet-stream")
            .putHeader("content-disposition", (inline ? "inline" : "attachment") + "; filename=\"" + id
                + extension(artifact.contentType()) + "\"")
            .putHeader("content-security-policy", "default-src 'none'; sandbox")
            .putHeader("cache-control", "private, max-age=300")
            .end(bytes);
        return null;
      });
    }).onFailure(e -> ctx.fail(translate(e, id)));
  }

  private void delete(RoutingContext ctx) {
    String id = id(ctx);
    store().delete(id).onSuccess(deleted -> {
      if (!deleted) {
        ctx.fail(ApiError.notFound("no artifact " + id));
      } else {
        Requests.json(ctx, new JsonObject().put("deleted", true).put("id", id));
      }
    }).onFailure(ctx::fail);
  }

  private void link(RoutingContext ctx) {
    String id = id(ctx);
    store().find(id).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(ApiError.notFound("no artifact " + id));
        return;
      }
      ArtifactLinks.SignedLink link = links.sign(id);
      Requests.json(ctx, new JsonObject().put("url", link.path()).put("expires_at", link.expiresAt().toString())
          .put("artifact", found.get().toJson()));
    }).onFailure(ctx::fail);
  }

  private static String id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!ArtifactStore.isId(id)) {
      throw ApiError.notFound("not an artifact id");
    }
    return id;
  }

  private static Throwable translate(Throwable e, String id) {
    if (e instanceof ArtifactException a && a.reason() == ArtifactException.Reason.NOT_FOUND) {
      return ApiError.notFound("no artifact " + id);
    }
    if (e instanceof ArtifactException a) {
      return new ApiError(503, "artifact_unavailable", a.getMessage());
    }
    return e;
  }

  private static String extension(String contentType) {
    return switch (contentType) {
      case "image/png" -> ".png";
      case "image/jpeg" -> ".jpg";
      case "image/gif" -> ".gif";
      case "image/webp" -> ".webp";
      default -> ".bin";
    };
  }
}
