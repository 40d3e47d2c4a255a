package io.harpou.tools.system.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.harpou.bridge.api.tool.ToolArgumentsException;
import io.harpou.bridge.api.tool.ToolResult;
import io.harpou.tools.system.ToolTestSupport;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git tools on real repositories made with JGit: an upstream and a clone the household configured. */
class GitToolsTest {

  private static final PersonIdent ADA = new PersonIdent("Ada", "ada@home.lan");

  private final Vertx vertx = Vertx.vertx();
  private ToolTestSupport tools;
  private Git upstream;
  private Git clone;

  @TempDir
  Path temp;

  @BeforeEach
  void setUp() throws Exception {
    upstream = Git.init().setDirectory(temp.resolve("upstream").toFile()).setInitialBranch("main").call();
    commit(upstream, "configuration.yaml", "homeassistant:\n  name: Home\n", "Initial configuration");
    clone = Git.cloneRepository().setURI(temp.resolve("upstream").toUri().toString())
        .setDirectory(temp.resolve("config").toFile()).call();
    tools = new ToolTestSupport(vertx, new JsonObject().put("git", new JsonObject().put("repositories",
        new JsonObject().put("config", temp.resolve("config").toString()))));
  }

  @AfterEach
  void close() {
    upstream.close();
    clone.close();
    vertx.close().await();
  }

  private static void commit(Git git, String file, String content, String message) throws Exception {
    Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), content);
    git.add().addFilepattern(file).call();
    git.commit().setMessage(message).setAuthor(ADA).setCommitter(ADA).setSign(false).call();
  }

  private JsonObject call(String tool, JsonObject arguments) {
    ToolResult result = tools.call(tool, arguments.put("repository", "config"));
    assertThat(result.error()).as(result.content()).isFalse();
    return result.json();
  }

  @Test
  void should_tell_status_and_diff_of_a_changed_working_tree() throws Exception {
    Files.writeString(temp.resolve("config/configuration.yaml"), "homeassistant:\n  name: Maison\n");
    Files.writeString(temp.resolve("config/secrets.yaml"), "token: x\n");

    JsonObject status = call("git_status", new JsonObject());
    JsonObject diff = call("git_diff", new JsonObject());

    assertThat(status.getString("branch")).isEqualTo("main");
    assertThat(status.getBoolean("clean")).isFalse();
    assertThat(status.getJsonArray("modified")).containsExactly("configuration.yaml");
    assertThat(status.getJsonArray("untracked")).containsExactly("secrets.yaml");
    assertThat(status.getInteger("behind")).isZero();
    assertThat(diff.getString("diff")).contains("-  name: Home", "+  name: Maison");
  }

  @Test
  void should_list_commits_and_branches() throws Exception {
    commit(clone, "automations.yaml", "[]\n", "Add automations");
    clone.branchCreate().setName("experiment").call();

    JsonObject log = call("git_log", new JsonObject().put("limit", 5));
    JsonObject branches = call("git_branch", new JsonObject());

    assertThat(log.getJsonArray("commits")).extracting(c -> ((JsonObject) c).getString("message"))
        .containsExactly("Add automations", "Initial configuration");
    assertThat(log.getJsonArray("commits").getJsonObject(0).getString("author")).isEqualTo("Ada");
    assertThat(branches.getString("current")).isEqualTo("main");
    assertThat(branches.getJsonArray("branches")).containsExactly("experiment", "main");
  }

  @Test
  void should_pull_a_fast_forward_and_refuse_to_merge_a_diverged_branch() throws Exception {
    commit(upstream, "scenes.yaml", "[]\n", "Add scenes");

    JsonObject pulled = call("git_pull", new JsonObject());

    assertThat(pulled.getString("outcome")).isEqualTo("fast-forward");
    assertThat(temp.resolve("config/scenes.yaml")).exists();

    commit(upstream, "scripts.yaml", "[]\n", "Upstream change");
    commit(clone, "groups.yaml", "[]\n", "Local change");
    String before = clone.getRepository().resolve("HEAD").name();
    ToolResult diverged = tools.call("git_pull", new JsonObject().put("repository", "config"));

    assertThat(diverged.error()).isTrue();
    assertThat(diverged.content()).contains("diverged");
    assertThat(clone.getRepository().resolve("HEAD").name()).isEqualTo(before);
  }

  @Test
  void should_reach_only_configured_repositories_by_name() {
    assertThatThrownBy(() -> tools.call("git_status", new JsonObject().put("repository", temp.resolve("upstream")
        .toString()))).isInstanceOf(ToolArgumentsException.class).hasMessageContaining("[config]");
    assertThatThrownBy(() -> tools.call("git_status", new JsonObject().put("repository", "../upstream")))
        .isInstanceOf(ToolArgumentsException.class);
  }
}
