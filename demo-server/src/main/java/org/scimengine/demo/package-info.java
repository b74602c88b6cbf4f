/**
 * The demo server: a runnable SCIM 2.0 service configured like the vendor of the seeds, and its command line.
 * Wiring only, not an API: nothing here is meant to be used from other code.
 */
@NullMarked
package org.scimengine.demo;

import org.jspecify.annotations.NullMarked;
