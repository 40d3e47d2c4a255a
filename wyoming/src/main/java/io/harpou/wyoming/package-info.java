/**
 * The Wyoming protocol for the JVM: the generic {@link io.harpou.wyoming.WyomingEvent}, the codec that frames it
 * (header line, data block, payload) and the server, client and connection that carry it over TCP.
 *
 * <p>Typed messages live in {@code io.harpou.wyoming.message}, the {@code info} model in
 * {@code io.harpou.wyoming.info}. This package knows nothing of the rest of Harpou.
 */
package io.harpou.wyoming;
