package io.harpou.bridge.vertx.voice;

import io.harpou.bridge.api.BridgeAddresses;
import io.harpou.bridge.api.event.BridgeEvent;
import io.harpou.bridge.api.event.TimerChanged;
import io.harpou.bridge.api.voice.Announcement;
import io.harpou.bridge.api.voice.Announcer;
import io.harpou.bridge.api.voice.SatelliteControl;
import io.harpou.bridge.api.voice.SatelliteLines;
import io.harpou.bridge.api.voice.SatelliteSettings;
import io.harpou.bridge.vertx.voice.impl.Dialer;
import io.harpou.bridge.vertx.voice.impl.ServiceConnection;
import io.harpou.bridge.vertx.voice.impl.VoiceRuntime;
import io.harpou.wyoming.WyomingClient;
import io.harpou.wyoming.WyomingClientOptions;
import io.harpou.wyoming.WyomingServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harpou's Wyoming side on one event loop: the server Home Assistant adds (speech to text, text to speech, the
 * conversation agent, and satellites dialing in), the links to configured satellites,
 * {@link BridgeAddresses#VOICE_ANNOUNCE}, and the timer events it relays to the satellites that set the timers.
 * {@link #satellites()} and {@link #announcer()} may be used from any thread once it is deployed.
 */
public class WyomingServiceVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WyomingServiceVerticle.class);

  private final VoiceOptions options;
  private final VoiceBackends backends;
  private VoiceRuntime runtime;
  private WyomingServer server;
  private WyomingClient client;
  private Dialer dialer;
  private MessageConsumer<JsonObject> announcements;
  private MessageConsumer<JsonObject> timerEvents;

  /** A verticle serving {@code options} with {@code backends}. */
  public WyomingServiceVerticle(VoiceOptions options, VoiceBackends backends) {
    this.options = options;
    this.backends = backends;
  }

  @Override
  public Future<?> start() {
    runtime = new VoiceRuntime(vertx, options, backends);
    server = WyomingServer.create(vertx, options.getServer());
    server.connectHandler(connection -> new ServiceConnection(runtime, connection));
    client = WyomingClient.create(vertx, new WyomingClientOptions());
    dialer = new Dialer(runtime, client);
    announcements = vertx.eventBus().consumer(BridgeAddresses.VOICE_ANNOUNCE, message -> {
      Announcement announcement;
      try {
        announcement = Announcement.fromJson(message.body());
      } catch (RuntimeException e) {
        message.fail(400, "not an announcement: " + e.getMessage());
        return;
      }
      runtime.announce(announcement).onComplete(ar -> {
        if (ar.succeeded()) {
          message.reply(new JsonObject().put("played", true));
        } else {
          message.fail(404, ar.cause().getMessage());
        }
      });
    });
    timerEvents = vertx.eventBus().consumer(BridgeAddresses.EVENTS, message -> {
      if (TimerChanged.KIND.equals(message.body().getString("kind"))
          && BridgeEvent.fromJson(message.body()) instanceof TimerChanged changed) {
        runtime.timerChanged(changed);
      }
    });
    Future<Void> consumers = Future.all(announcements.completion(), timerEvents.completion()).mapEmpty();
    return consumers.compose(v -> server.listen()).compose(s -> {
      if (!isLoopback(options.getHost())) {
        LOG.warn("Wyoming listens on {}:{} without authentication: anyone who can reach that port can talk to the"
            + " agent. Locks, alarms and garage doors are refused from network peers other than loopback and the"
            + " addresses listed in agent.policy.channels.wyoming.protected_from (Home Assistant's) and"
            + " agent.policy.channels.satellite.protected_from (satellites dialing in).", options.getHost(),
            server.actualPort());
      }
      return Future.all(options.getSatellites().stream().map(dialer::dial).toList());
    });
  }

  @Override
  public Future<?> stop() {
    List<Future<Void>> closing = new ArrayList<>();
    closing.add(dialer.closeAll());
    closing.add(runtime.closeAll());
    closing.add(announcements.unregister());
    closing.add(timerEvents.unregister());
    closing.add(server.close());
    closing.add(client.close());
    return Future.join(closing);
  }

  /** True for a bind address only this machine reaches. */
  static boolean isLoopback(String host) {
    return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "::1".equals(host);
  }

  /** The port the Wyoming server listens on (useful after port 0), or 0 before it is bound. */
  public int actualPort() {
    return server == null ? 0 : server.actualPort();
  }

  /**
   * Dials and hangs up on satellites while voice runs; before the verticle starts, or after it stopped, every dial
   * fails.
   */
  public SatelliteDialer dialer() {
    return new SatelliteDialer() {
      @Override
      public Future<Void> dial(SatelliteConfig satellite) {
        return dialer == null ? notRunning() : dialer.dial(satellite);
      }

      @Override
      public Future<Void> hangUp(String satelliteId) {
        return dialer == null ? notRunning() : dialer.hangUp(satelliteId);
      }

      @Override
      public java.util.Set<String> dialed() {
        return dialer == null ? java.util.Set.of() : dialer.dialed();
      }
    };
  }

  private static Future<Void> notRunning() {
    return Future.failedFuture(new io.harpou.bridge.api.BridgeException("voice is not running"));
  }

  /** The satellites view. */
  public Satellites satellites() {
    return () -> runtime == null ? List.of() : runtime.list();
  }

  /**
   * The household's settings of each satellite (mute, do not disturb, volume). Before the verticle starts there is
   * no satellite, so every change fails.
   */
  public SatelliteControl control() {
    return new SatelliteControl() {
      @Override
      public java.util.Optional<SatelliteSettings> settings(String satelliteId) {
        return runtime == null ? java.util.Optional.empty() : runtime.settings(satelliteId);
      }

      @Override
      public Future<SatelliteSettings> apply(String satelliteId, SatelliteSettings settings) {
        return runtime == null ? Future.failedFuture(new io.harpou.bridge.api.BridgeException("voice is not running"))
            : runtime.apply(satelliteId, settings);
      }
    };
  }

  /**
   * Lines into the voice pipeline for microphones that reach Harpou another way (the console's); a line opened
   * before this verticle started, or after it stopped, fails at once.
   */
  public SatelliteLines lines() {
    return (id, room, peer, listener) -> {
      if (runtime == null) {
        throw new io.harpou.bridge.api.BridgeException("voice is not running");
      }
      return runtime.lines().open(id, room, peer, listener);
    };
  }

  /** Speaks announcements in rooms through their satellites. */
  public Announcer announcer() {
    return this::announce;
  }

  private Future<Void> announce(Announcement announcement) {
    if (runtime == null) {
      return Future.failedFuture(new io.harpou.bridge.api.BridgeException("voice is not running"));
    }
    return runtime.announce(announcement);
  }
}
