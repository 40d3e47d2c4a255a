/**
 * The ready-to-run hub: one configuration file, overlaid by {@code HARPOU_} environment variables and command-line
 * flags, run by Vert.x's own launcher so its standard options (clustering, {@code -conf}) keep working.
 */
package io.harpou.samples.hub;
