/**
 * Tools that act on the host and the world outside the home: time, and later files, processes, web search and
 * health monitors. Host actions declare {@link io.harpou.bridge.api.tool.Risk#DANGEROUS}.
 */
package io.harpou.tools.system;
