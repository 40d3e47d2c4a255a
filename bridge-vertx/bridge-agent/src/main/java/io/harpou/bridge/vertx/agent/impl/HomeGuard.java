package io.harpou.bridge.vertx.agent.impl;

import io.harpou.bridge.api.agent.PolicyException;
import io.harpou.bridge.api.home.Area;
import io.harpou.bridge.api.home.ConnectionState;
import io.harpou.bridge.api.home.Device;
import io.harpou.bridge.api.home.EntityEntry;
import io.harpou.bridge.api.home.EntityState;
import io.harpou.bridge.api.home.Floor;
import io.harpou.bridge.api.home.HomeAssistantException;
import io.harpou.bridge.api.home.CameraImage;
import io.harpou.bridge.api.home.HomeGateway;
import io.harpou.bridge.api.home.Registration;
import io.harpou.bridge.api.home.ServiceCall;
import io.harpou.bridge.api.home.StateChange;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The home as one tool call sees it. Reads pass, and the entities the household's settings hide are named to what
 * builds the assistant's view of the home, which leaves them out. A service call that reaches an entity the settings
 * hide, directly or through a script, scene or automation it runs, is refused. A service call that reaches a
 * protected entity (every service call, for a PROTECTED tool) is held back, not sent, so the policy can ask about
 * exactly that call; the others go to Home Assistant. Firing events and Home Assistant's own conversation agent can reach anything and stay closed. Once the
 * tool call is over, nothing more goes through.
 */
final class HomeGuard implements HomeGateway {

  /** A service call held back, with the protected entities it reaches. */
  record Held(ServiceCall call, List<String> reached) {
  }

  private final HomeGateway home;
  private final ProtectedReach reach;
  private final Set<String> hidden;
  private final boolean holdEveryCall;
  private final List<Held> held = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /**
   * Guards {@code home}; {@code hidden} are the entities the household's settings hide, which no service call may
   * reach; {@code holdEveryCall} when the tool itself is PROTECTED.
   */
  HomeGuard(HomeGateway home, ProtectedReach reach, Set<String> hidden, boolean holdEveryCall) {
    this.home = home;
    this.reach = reach;
    this.hidden = hidden;
    this.holdEveryCall = holdEveryCall;
  }

  /** The calls held back so far. */
  List<Held> held() {
    return List.copyOf(held);
  }

  /** Ends the tool call: later service calls fail. Nothing is released, so nothing is waited for. */
  void end() {
    closed = true;
  }

  @Override
  public Future<JsonObject> callService(ServiceCall call) {
    if (closed) {
      return Future.failedFuture(new PolicyException("the tool call is over; " + call.domain() + "."
          + call.service() + " was not sent", false));
    }
    return reach.hiddenIn(call, hidden).compose(hiddenReached -> {
      if (!hiddenReached.isEmpty()) {
        // The names are left out: a script's targets are not the caller's to learn.
        return Future.failedFuture(PolicyException.denied(call.domain() + "." + call.service()
            + " reaches an entity hidden from Harpou in its settings, so it was not sent"));
      }
      return reach.of(call);
    }).compose(reached -> {
      if (closed) {
        return Future.failedFuture(new PolicyException("the tool call is over", false));
      }
      if (holdEveryCall || !reached.isEmpty()) {
        held.add(new Held(call, reached));
        return Future.failedFuture(PolicyException.confirm(call.domain() + "." + call.service()
            + " waits for the user's confirmation"));
      }
      return home.callService(call);
    });
  }

  @Override
  public Future<Void> fireEvent(String eventType, JsonObject data) {
    return Future.failedFuture(new HomeAssistantException("not_allowed",
        "tools may not fire Home Assistant events: an automation listening for one may do anything"));
  }

  @Override
  public Future<JsonObject> processConversation(String text, String language, String conversationId) {
    return Future.failedFuture(new HomeAssistantException("not_allowed",
        "tools may not hand text to Home Assistant's own agent: it may act on anything"));
  }

  @Override
  public Set<String> hiddenFromAssistant() {
    return hidden;
  }

  @Override
  public HomeGateway origin() {
    return home.origin();
  }

  @Override
  public ConnectionState connectionState() {
    return home.connectionState();
  }

  @Override
  public String connectionDetail() {
    return home.connectionDetail();
  }

  @Override
  public String url() {
    return home.url();
  }

  @Override
  public Future<Optional<EntityState>> fetchState(String entityId) {
    return home.fetchState(entityId);
  }

  @Override
  public Collection<EntityState> states() {
    return home.states();
  }

  @Override
  public Optional<EntityState> state(String entityId) {
    return home.state(entityId);
  }

  @Override
  public List<Floor> floors() {
    return home.floors();
  }

  @Override
  public List<Area> areas() {
    return home.areas();
  }

  @Override
  public List<Device> devices() {
    return home.devices();
  }

  @Override
  public List<EntityEntry> entities() {
    return home.entities();
  }

  @Override
  public Optional<Area> areaOf(String entityId) {
    return home.areaOf(entityId);
  }

  @Override
  public Future<JsonObject> searchRelated(String itemType, String itemId) {
    return home.searchRelated(itemType, itemId);
  }

  @Override
  public Future<CameraImage> cameraImage(String entityId) {
    return home.cameraImage(entityId);
  }

  @Override
  public Future<String> renderTemplate(String template) {
    return home.renderTemplate(template);
  }

  @Override
  public Registration onStateChange(Handler<StateChange> handler) {
    return home.onStateChange(handler);
  }
}
