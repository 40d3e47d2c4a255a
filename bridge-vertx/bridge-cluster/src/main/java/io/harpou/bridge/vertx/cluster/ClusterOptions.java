package io.harpou.bridge.vertx.cluster;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code cluster} section: this node's roles, how it finds the others (a TCP/IP member list, or a Kubernetes
 * headless service's DNS name; never multicast), the address it binds (loopback unless configured), whether it holds
 * cluster data, and how long a request to another node may take.
 *
 * <pre>
 * "cluster": {"roles": "edge,agent", "members": ["10.0.0.5:5701", "10.0.0.6:5701"], "port": 5701,
 *             "host": "10.0.0.4", "kubernetes_dns": null, "lite_member": false,
 *             "agent_timeout_ms": 60000, "home_timeout_ms": 15000}
 * </pre>
 */
public final class ClusterOptions {

  /**
   * The address a member binds when none is configured: loopback, since neither Hazelcast nor the event bus
   * authenticates its peers, so reaching beyond this machine is a choice the household makes.
   */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** Hazelcast's usual member port. */
  public static final int DEFAULT_PORT = 5701;
  /** How long an edge or API node waits for an agent node's reply: a turn with tools and a slow model fits. */
  public static final long DEFAULT_AGENT_TIMEOUT_MS = 60_000;
  /** How long a node waits for the home node to answer one Home Assistant request. */
  public static final long DEFAULT_HOME_TIMEOUT_MS = 15_000;

  private String roles;
  private List<String> members = new ArrayList<>();
  private int port = DEFAULT_PORT;
  private String host = DEFAULT_HOST;
  private String kubernetesDns;
  private boolean liteMember;
  private long agentTimeoutMs = DEFAULT_AGENT_TIMEOUT_MS;
  private long homeTimeoutMs = DEFAULT_HOME_TIMEOUT_MS;
  private final Trust trust = new Trust();
  private long satelliteClaimDelayMs = DEFAULT_SATELLITE_CLAIM_DELAY_MS;

  /** Defaults: every role, this host's port 5701, no members listed. */
  public ClusterOptions() {
  }

  /**
   * Reads the {@code cluster} section; {@code members} may be a JSON array or a comma-separated string (as the
   * environment gives it).
   *
   * @throws IllegalArgumentException for an unknown role or a port out of range
   */
  public ClusterOptions(JsonObject json) {
    Object roleValue = json.getValue("roles");
    roles = roleValue instanceof JsonArray array ? String.join(",", array.stream().map(String::valueOf).toList())
        : (String) roleValue;
    NodeRole.parse(roles);
    Object memberValue = json.getValue("members");
    if (memberValue instanceof JsonArray array) {
      array.forEach(m -> members.add(String.valueOf(m).strip()));
    } else if (memberValue instanceof String text) {
      for (String m : text.split(",")) {
        if (!m.isBlank()) {
          members.add(m.strip());
        }
      }
    }
    setPort(json.getInteger("port", DEFAULT_PORT));
    host = json.getString("host", DEFAULT_HOST);
    kubernetesDns = json.getString("kubernetes_dns");
    liteMember = json.getBoolean("lite_member", false);
    agentTimeoutMs = json.getLong("agent_timeout_ms", DEFAULT_AGENT_TIMEOUT_MS);
    homeTimeoutMs = json.getLong("home_timeout_ms", DEFAULT_HOME_TIMEOUT_MS);
    trust.read(json);
    readSatelliteLeases(json);
  }

  /** This node's roles; every role when none is configured. */
  public Set<NodeRole> roles() {
    return NodeRole.parse(roles);
  }

  /** Sets the roles from a list such as {@code edge,agent}. */
  public ClusterOptions setRoles(String roles) {
    NodeRole.parse(roles);
    this.roles = roles;
    return this;
  }

  /** The other members to join, as {@code host} or {@code host:port}. */
  public List<String> getMembers() {
    return List.copyOf(members);
  }

  /** Sets the members to join. */
  public ClusterOptions setMembers(List<String> members) {
    this.members = new ArrayList<>(members);
    return this;
  }

  /** The port this member listens on for the others. */
  public int getPort() {
    return port;
  }

  /**
   * Sets the member port.
   *
   * @throws IllegalArgumentException outside 1-65535
   */
  public ClusterOptions setPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("cluster.port must be between 1 and 65535, not " + port);
    }
    this.port = port;
    return this;
  }

  /** The address this member binds and announces (127.0.0.1 unless configured). */
  public String getHost() {
    return host;
  }

  /** Sets the address this member binds and announces; null means loopback. */
  public ClusterOptions setHost(String host) {
    this.host = host == null || host.isBlank() ? DEFAULT_HOST : host;
    return this;
  }

  /** A Kubernetes headless service's DNS name to find the members by, or null to use the member list. */
  public String getKubernetesDns() {
    return kubernetesDns;
  }

  /** Sets the headless service's DNS name. */
  public ClusterOptions setKubernetesDns(String kubernetesDns) {
    this.kubernetesDns = kubernetesDns;
    return this;
  }

  /** True for a lite member: it takes part in the cluster but holds none of its data (edge nodes, typically). */
  public boolean isLiteMember() {
    return liteMember;
  }

  /** Makes this node a lite member. */
  public ClusterOptions setLiteMember(boolean liteMember) {
    this.liteMember = liteMember;
    return this;
  }

  /** How long a request to an agent node may take before the turn fails with a true message. */
  public long getAgentTimeoutMs() {
    return agentTimeoutMs;
  }

  /** Sets the agent timeout. */
  public ClusterOptions setAgentTimeoutMs(long agentTimeoutMs) {
    this.agentTimeoutMs = agentTimeoutMs;
    return this;
  }

  /** How long one request to the home node may take before it counts as sent and unanswered. */
  public long getHomeTimeoutMs() {
    return homeTimeoutMs;
  }

  /** Sets the home timeout. */
  public ClusterOptions setHomeTimeoutMs(long homeTimeoutMs) {
    this.homeTimeoutMs = homeTimeoutMs;
    return this;
  }

  // Satellites shared among edge nodes (see SatelliteLeases).

  /** How long a new edge node waits for the edge nodes starting with it before it takes satellites. */
  public static final long DEFAULT_SATELLITE_CLAIM_DELAY_MS = 5_000;

  private void readSatelliteLeases(JsonObject json) {
    setSatelliteClaimDelayMs(json.getLong("satellite_claim_delay_ms", DEFAULT_SATELLITE_CLAIM_DELAY_MS));
  }

  /** How long a new edge node waits for the edge nodes starting with it before it takes satellites. */
  public long getSatelliteClaimDelayMs() {
    return satelliteClaimDelayMs;
  }

  /**
   * Sets the claim delay.
   *
   * @throws IllegalArgumentException when not positive
   */
  public ClusterOptions setSatelliteClaimDelayMs(long satelliteClaimDelayMs) {
    if (satelliteClaimDelayMs <= 0) {
      throw new IllegalArgumentException("cluster.satellite_claim_delay_ms must be positive, not "
          + satelliteClaimDelayMs);
    }
    this.satelliteClaimDelayMs = satelliteClaimDelayMs;
    return this;
  }

  /** The section as JSON, as read. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("members", new JsonArray(List.copyOf(members))).put("port", port)
        .put("lite_member", liteMember).put("agent_timeout_ms", agentTimeoutMs).put("home_timeout_ms", homeTimeoutMs)
        .put("host", host).put("satellite_claim_delay_ms", satelliteClaimDelayMs);
    if (roles != null) {
      json.put("roles", roles);
    }
    if (kubernetesDns != null) {
      json.put("kubernetes_dns", kubernetesDns);
    }
    trust.write(json);
    return json;
  }

  // Trust between nodes and the one home node: the household's secret, the event bus's TLS, the home lease.

  /** The settings that keep strangers out of the cluster and the home role on one node. */
  public Trust trust() {
    return trust;
  }

  /**
   * {@code secret} (at least 16 characters; members without it are shut out), {@code tls} ({@code cert},
   * {@code key}, {@code ca}: PEM files for the event bus, which then takes only peers the household's CA signed),
   * {@code min_members} (the trusted members a node must see to hold the home role when the lease is in Hazelcast)
   * and {@code home_lease_ttl_ms} (how long the home lease in PostgreSQL lasts unrenewed).
   */
  public static final class Trust {

    /** How long the PostgreSQL home lease lasts without renewal. */
    public static final long DEFAULT_LEASE_TTL_MS = 15_000;

    private String secret;
    private String tlsCert;
    private String tlsKey;
    private String tlsCa;
    private int minMembers = 1;
    private long leaseTtlMs = DEFAULT_LEASE_TTL_MS;
    private String leaseDatabaseUrl;

    private void read(JsonObject json) {
      secret = json.getString("secret");
      JsonObject tls = json.getJsonObject("tls", new JsonObject());
      setTls(tls.getString("cert"), tls.getString("key"), tls.getString("ca"));
      setMinMembers(json.getInteger("min_members", 1));
      setLeaseTtlMs(json.getLong("home_lease_ttl_ms", DEFAULT_LEASE_TTL_MS));
    }

    private void write(JsonObject json) {
      json.put("min_members", minMembers).put("home_lease_ttl_ms", leaseTtlMs);
      if (secret != null) {
        json.put("secret", "***");
      }
      if (tlsCert != null) {
        json.put("tls", new JsonObject().put("cert", tlsCert).put("key", tlsKey).put("ca", tlsCa));
      }
    }

    /** The household's cluster secret, or null when members are not checked. */
    public String getSecret() {
      return secret;
    }

    /** Sets the cluster secret. */
    public Trust setSecret(String secret) {
      this.secret = secret;
      return this;
    }

    /** True when the event bus speaks TLS with certificates both ways. */
    public boolean hasTls() {
      return tlsCert != null;
    }

    /** This node's certificate (PEM file). */
    public String getTlsCert() {
      return tlsCert;
    }

    /** This node's private key (PEM file). */
    public String getTlsKey() {
      return tlsKey;
    }

    /** The household's CA certificate (PEM file): the only issuer whose nodes this one talks to. */
    public String getTlsCa() {
      return tlsCa;
    }

    /**
     * Sets the event bus's certificate, key and CA; all three or none.
     *
     * @throws IllegalArgumentException when only some are given
     */
    public Trust setTls(String cert, String key, String ca) {
      int given = (cert == null ? 0 : 1) + (key == null ? 0 : 1) + (ca == null ? 0 : 1);
      if (given != 0 && given != 3) {
        throw new IllegalArgumentException("cluster.tls needs cert, key and ca together");
      }
      tlsCert = cert;
      tlsKey = key;
      tlsCa = ca;
      return this;
    }

    /** How many trusted members a node must see to hold the home role by Hazelcast's lock. */
    public int getMinMembers() {
      return minMembers;
    }

    /** Sets the minimum cluster size for the home role, at least 1. */
    public Trust setMinMembers(int minMembers) {
      if (minMembers < 1) {
        throw new IllegalArgumentException("cluster.min_members must be at least 1, not " + minMembers);
      }
      this.minMembers = minMembers;
      return this;
    }

    /** How long the home lease in PostgreSQL lasts unrenewed. */
    public long getLeaseTtlMs() {
      return leaseTtlMs;
    }

    /** Sets the lease's length, at least 3 seconds (it is renewed every third of it). */
    public Trust setLeaseTtlMs(long leaseTtlMs) {
      if (leaseTtlMs < 3_000) {
        throw new IllegalArgumentException("cluster.home_lease_ttl_ms must be at least 3000, not " + leaseTtlMs);
      }
      this.leaseTtlMs = leaseTtlMs;
      return this;
    }

    /** The PostgreSQL database holding the home lease, or null to hold it in Hazelcast. */
    public String getLeaseDatabaseUrl() {
      return leaseDatabaseUrl;
    }

    /** Holds the home lease in this PostgreSQL database (the nodes' shared {@code database.url}). */
    public Trust setLeaseDatabaseUrl(String url) {
      this.leaseDatabaseUrl = url;
      return this;
    }
  }
}
