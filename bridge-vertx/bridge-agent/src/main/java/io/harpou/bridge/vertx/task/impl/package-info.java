/** The SQLite task store, the scheduler that runs and delivers tasks, and the timer phrase parser. */
package io.harpou.bridge.vertx.task.impl;
