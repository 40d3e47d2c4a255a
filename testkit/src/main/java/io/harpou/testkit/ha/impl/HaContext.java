package io.harpou.testkit.ha.impl;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/** A Home Assistant context: who or what caused a change. */
record HaContext(String id, String parentId, String userId) {

  HaContext {
    Objects.requireNonNull(id, "id");
  }

  static HaContext create(String userId) {
    return new HaContext(Ids.ulid(), null, userId);
  }

  JsonObject toJson() {
    return new JsonObject().put("id", id).put("parent_id", parentId).put("user_id", userId);
  }

  /** The compressed form: the bare id when parent and user are both null. */
  Object toCompressed() {
    return parentId == null && userId == null ? id : toJson();
  }
}
