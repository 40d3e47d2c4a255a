/** Implementation of the home tools, name resolution and the local intent matcher; not a public API. */
package io.harpou.tools.home.impl;
