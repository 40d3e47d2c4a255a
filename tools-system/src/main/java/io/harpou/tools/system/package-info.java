/**
 * Tools that act on the household's machines and the world outside the home: the host (system, disks, processes,
 * systemd, the journal, allowed commands), Docker through its Engine API, files inside configured roots, git
 * repositories through JGit, web search through SearXNG and page reading; and the monitors that watch them (disk,
 * load, Docker, certificates, backups). Each tool declares its risk; the policy point of the runtime enforces it.
 */
package io.harpou.tools.system;
