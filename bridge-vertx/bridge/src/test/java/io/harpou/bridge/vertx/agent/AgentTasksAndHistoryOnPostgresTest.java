package io.harpou.bridge.vertx.agent;

import io.harpou.testkit.pg.PostgresServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The history, tasks and audit tests of {@link AgentTasksAndHistoryTest}, with the agent's state in a real PostgreSQL
 * server ({@code database.url}), each test on a new database: the shared store keeps the contract the embedded one
 * does, restarts included.
 */
class AgentTasksAndHistoryOnPostgresTest extends AgentTasksAndHistoryTest {

  private static PostgresServer server;
  private String url;

  @BeforeAll
  static void startPostgres() throws IOException {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() {
    server.close();
  }

  @BeforeEach
  void newDatabase() throws IOException {
    url = server.newDatabase();
  }

  @Override
  protected String sharedDatabaseUrl() {
    return url;
  }
}
