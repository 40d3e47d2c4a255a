package io.harpou.bridge.vertx.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A piece of JDBC work run on the database's worker thread.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface SqlWork<T> {

  /** Runs against the open connection; exceptions fail the returned Future. */
  T apply(Connection connection) throws SQLException;
}
