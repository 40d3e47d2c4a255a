/**
 * Implementation of the virtual Home Assistant: the state machine, registries, domain services, the WebSocket
 * session and command handlers, the REST routes and the fault injector. Not a public API.
 */
package io.harpou.testkit.ha.impl;
