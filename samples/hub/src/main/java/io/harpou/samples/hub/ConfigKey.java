package io.harpou.samples.hub;

import java.util.List;

/**
 * One setting that can come from the environment or the command line, and where it lands in the configuration.
 *
 * @param env the environment variable
 * @param flag the command-line flag, or null
 * @param path the dotted path in the configuration JSON
 * @param type how the text is read
 * @param help one line for the README and {@code --help}
 */
public record ConfigKey(String env, String flag, String path, Type type, String help) {

  /** How a value is read from text. */
  public enum Type {
    /** Kept as text. */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** Kept as text, never printed. */
    SECRET,
    /** A path to a file whose content is the secret (trailing whitespace removed). */
    SECRET_FILE
  }

  /** Every setting, in the order the README lists them. */
  public static final List<ConfigKey> ALL = List.of(
      new ConfigKey("HARPOU_HTTP_HOST", "--http-host", "http.host", Type.TEXT,
          "HTTP API bind address (default 127.0.0.1; anything else needs API keys)"),
      new ConfigKey("HARPOU_HTTP_PORT", "--http-port", "http.port", Type.INTEGER, "HTTP API and console port (8099)"),
      new ConfigKey("HARPOU_WYOMING_HOST", "--wyoming-host", "wyoming.host", Type.TEXT,
          "Wyoming bind address (default 127.0.0.1; 0.0.0.0 lets Home Assistant and satellites on other machines in)"),
      new ConfigKey("HARPOU_WYOMING_PORT", "--wyoming-port", "wyoming.port", Type.INTEGER,
          "Wyoming server port (10700)"),
      new ConfigKey("HARPOU_WYOMING_ZEROCONF", "--wyoming-zeroconf", "wyoming.zeroconf_name", Type.TEXT,
          "announce the Wyoming server on the network under this name, so Home Assistant discovers it"),
      new ConfigKey("HARPOU_DATA_DIR", "--data-dir", "data_dir", Type.TEXT,
          "database and files (./data)"),
      new ConfigKey("HARPOU_DATABASE_URL", null, "database.url", Type.SECRET,
          "PostgreSQL (postgresql://user:password@host:5432/db) for the audit log, conversations and tasks that several"
              + " hubs share; the embedded SQLite file when unset"),
      new ConfigKey("HARPOU_HA_URL", "--ha-url", "home_assistant.url", Type.TEXT,
          "Home Assistant base URL; without it the virtual home runs in process"),
      new ConfigKey("HARPOU_HA_TOKEN", null, "home_assistant.token", Type.SECRET,
          "Home Assistant long-lived access token"),
      new ConfigKey("HARPOU_HA_TOKEN_FILE", "--ha-token-file", "home_assistant.token", Type.SECRET_FILE,
          "file holding the Home Assistant token"),
      new ConfigKey("HARPOU_OLLAMA_URL", "--ollama-url", "agent.ollama.url", Type.TEXT,
          "Ollama base URL; without it only the local intent matcher answers"),
      new ConfigKey("HARPOU_OLLAMA_MODEL", "--ollama-model", "agent.ollama.model", Type.TEXT, "Ollama model name"),
      new ConfigKey("HARPOU_OPENAI_URL", "--openai-url", "agent.openai.url", Type.TEXT,
          "OpenAI-compatible server's base URL (up to /v1); with an Ollama URL too, Ollama is the fast model and this"
              + " the strong one"),
      new ConfigKey("HARPOU_OPENAI_API_KEY", null, "agent.openai.api_key", Type.SECRET,
          "API key of the OpenAI-compatible server"),
      new ConfigKey("HARPOU_OPENAI_MODEL", "--openai-model", "agent.openai.model", Type.TEXT,
          "model name on the OpenAI-compatible server"),
      new ConfigKey("HARPOU_AZURE_OPENAI_ENDPOINT", "--azure-openai-endpoint", "agent.azure_openai.endpoint",
          Type.TEXT, "Azure OpenAI resource endpoint (https://NAME.openai.azure.com), a model named azure"),
      new ConfigKey("HARPOU_AZURE_OPENAI_DEPLOYMENT", "--azure-openai-deployment", "agent.azure_openai.deployment",
          Type.TEXT, "Azure OpenAI deployment name"),
      new ConfigKey("HARPOU_AZURE_OPENAI_API_KEY", null, "agent.azure_openai.api_key", Type.SECRET,
          "Azure OpenAI key, sent in the api-key header"),
      new ConfigKey("HARPOU_AZURE_OPENAI_API_VERSION", null, "agent.azure_openai.api_version", Type.TEXT,
          "Azure OpenAI REST API version (2024-10-21)"),
      new ConfigKey("HARPOU_WHISPER_MODEL", "--whisper-model", "voice.whisper.model", Type.TEXT,
          "whisper.cpp model file for speech to text"),
      new ConfigKey("HARPOU_CHROMA_URL", "--chroma-url", "memory.chroma.url", Type.TEXT,
          "Chroma server for memory vectors (embedded SQLite when absent)"),
      new ConfigKey("HARPOU_DOCS_DIR", "--docs-dir", "memory.docs_dir", Type.TEXT,
          "folder of documents to answer from"),
      new ConfigKey("HARPOU_MQTT_URL", "--mqtt-url", "mqtt.url", Type.TEXT,
          "MQTT broker (mqtt:// or mqtts://) for Home Assistant discovery; nothing is published without it"),
      new ConfigKey("HARPOU_VISION_MODEL", "--vision-model", "agent.vision.model", Type.TEXT,
          "a model that reads images (describe_camera), on the agent's provider"),
      new ConfigKey("HARPOU_COMFYUI_URL", "--comfyui-url", "tools.media.comfyui.url", Type.TEXT,
          "ComfyUI server for generate_image"),
      new ConfigKey("HARPOU_MOPIDY_URL", "--mopidy-url", "tools.media.mopidy.url", Type.TEXT,
          "Mopidy server for play_music, music_control and now_playing"),
      new ConfigKey("HARPOU_ROLES", "--roles", "cluster.roles", Type.TEXT,
          "with -cluster: this node's roles, from edge, agent, api and home (all of them by default)"),
      new ConfigKey("HARPOU_CLUSTER_MEMBERS", "--cluster-members", "cluster.members", Type.TEXT,
          "with -cluster: the other members as host:port, comma-separated (TCP/IP discovery; never multicast)"),
      new ConfigKey("HARPOU_CLUSTER_PORT", "--cluster-port", "cluster.port", Type.INTEGER,
          "with -cluster: this member's Hazelcast port (5701)"),
      new ConfigKey("HARPOU_CLUSTER_HOST", "--cluster-host-address", "cluster.host", Type.TEXT,
          "with -cluster: the address this member binds and announces"),
      new ConfigKey("HARPOU_CLUSTER_DNS", "--cluster-dns", "cluster.kubernetes_dns", Type.TEXT,
          "with -cluster: a Kubernetes headless service's DNS name to find the members by, instead of the list"),
      new ConfigKey("HARPOU_CLUSTER_SECRET", null, "cluster.secret", Type.SECRET,
          "with -cluster: the household's cluster secret (16 characters or more); members without it are shut out"),
      new ConfigKey("HARPOU_CLUSTER_SECRET_FILE", "--cluster-secret-file", "cluster.secret", Type.SECRET_FILE,
          "file holding the cluster secret"),
      new ConfigKey("HARPOU_CLUSTER_TLS_CERT", "--cluster-tls-cert", "cluster.tls.cert", Type.TEXT,
          "with -cluster: this node's certificate (PEM) for the event bus's TLS"),
      new ConfigKey("HARPOU_CLUSTER_TLS_KEY", "--cluster-tls-key", "cluster.tls.key", Type.TEXT,
          "with -cluster: this node's private key (PEM)"),
      new ConfigKey("HARPOU_CLUSTER_TLS_CA", "--cluster-tls-ca", "cluster.tls.ca", Type.TEXT,
          "with -cluster: the household's cluster CA (PEM); the event bus takes only peers it signed"),
      new ConfigKey("HARPOU_CLUSTER_MIN_MEMBERS", "--cluster-min-members", "cluster.min_members", Type.INTEGER,
          "with -cluster and no shared database: the trusted members a node must see to hold the home role (1)"));
}
