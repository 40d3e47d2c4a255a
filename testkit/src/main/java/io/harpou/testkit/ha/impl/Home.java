package io.harpou.testkit.ha.impl;

import io.harpou.testkit.ha.RecordedServiceCall;
import io.harpou.testkit.ha.VirtualHomeOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** The whole virtual home behind the protocols: states, house, services and the record of calls. */
final class Home {

  final Vertx vertx;
  final VirtualHomeOptions options;
  final StateMachine states = new StateMachine();
  final House house;
  final ServiceRegistry services = new ServiceRegistry(this);
  final CallLog calls = new CallLog();
  final Conversation conversation = new Conversation(this);
  final Recorder recorder;

  Home(Vertx vertx, VirtualHomeOptions options) {
    this.vertx = vertx;
    this.options = options;
    JsonObject json = options.getHouse() != null ? options.getHouse()
        : options.getGeneratedEntities() > 0
        ? HouseGenerator.generate(options.getGeneratedEntities(), options.getSeed())
        : HouseLoader.demoHouse();
    this.house = HouseLoader.load(json, states);
    this.recorder = new Recorder(states);
    LightDomain.register(this);
    BasicDomains.register(this);
    CoverClimateDomains.register(this);
    MediaDomain.register(this);
    ActivityDomains.register(this);
    ApplianceDomains.register(this);
    AlarmWeatherDomains.register(this);
    MediaSearch.register(this);
    registerCopiedServices();
  }

  /** Serves the services a copied house brought that no domain here implements. */
  private void registerCopiedServices() {
    house.copiedServices.forEach(domain -> {
      if (domain.getValue() instanceof JsonObject byName) {
        byName.forEach(service -> {
          String name = service.getKey();
          if (service.getValue() instanceof JsonObject description && !services.has(domain.getKey(), name)) {
            services.register(ServiceDef.copied(domain.getKey(), name, description));
          }
        });
      }
    });
  }

  void record(RecordedServiceCall call) {
    calls.add(call);
  }

  /** Home Assistant's {@code Config.as_dict()}. */
  JsonObject config() {
    io.vertx.core.json.JsonArray components = new io.vertx.core.json.JsonArray().add("api").add("websocket_api")
        .add("config").add("conversation").add("frontend");
    services.describeAll().fieldNames().forEach(d -> {
      if (!components.contains(d)) {
        components.add(d);
      }
    });
    return new JsonObject().put("latitude", house.latitude).put("longitude", house.longitude).put("elevation", 35)
        .put("unit_system", new JsonObject().put("length", "km").put("accumulated_precipitation", "mm")
            .put("area", "m²").put("mass", "g").put("pressure", "Pa").put("temperature", "°C")
            .put("volume", "L").put("wind_speed", "m/s"))
        .put("location_name", house.locationName).put("time_zone", house.timeZone).put("components", components)
        .put("config_dir", "/config").put("whitelist_external_dirs", new io.vertx.core.json.JsonArray()
            .add("/media").add("/config/www"))
        .put("allowlist_external_dirs", new io.vertx.core.json.JsonArray().add("/media").add("/config/www"))
        .put("allowlist_external_urls", new io.vertx.core.json.JsonArray())
        .put("version", options.getHaVersion()).put("config_source", "storage").put("recovery_mode", false)
        .put("state", "RUNNING").put("external_url", null).put("internal_url", null)
        .put("currency", house.currency).put("country", house.country).put("language", house.language)
        .put("safe_mode", false).put("debug", false).put("radius", 100);
  }
}
