package io.harpou.bridge.api.plan;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The plans the agent has made, newest first, as {@code /api/plans} lists them. */
public interface Plans {

  /**
   * The newest plans.
   *
   * @param user only this user's plans, or every plan when null
   * @param limit the most returned
   */
  Future<List<Plan>> list(String user, int limit);

  /** One plan, empty when there is none with this id. */
  Future<Optional<Plan>> get(String id);
}
