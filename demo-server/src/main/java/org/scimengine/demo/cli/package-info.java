/** The command line of the demo server's jar: {@code serve}, {@code integrations} and {@code clients}. */
@NullMarked
package org.scimengine.demo.cli;

import org.jspecify.annotations.NullMarked;
